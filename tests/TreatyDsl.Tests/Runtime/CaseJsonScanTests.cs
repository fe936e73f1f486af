using System;
using System.Collections.Generic;
using System.Text;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>
/// The case reader's first pass: the values no fact reads are left out of the parsed document (read as null, so they are
/// still warned about), whatever their size, and the values facts read are kept byte for byte.
/// </summary>
public class CaseJsonScanTests
{
    private static readonly FactSchema Schema = new(new[]
    {
        new FactDefinition("id", FactType.Text),
        new FactDefinition("prisoner.nationalities", FactType.ListOf(FactType.Country)),
        new FactDefinition("offenses", FactType.ListOf(FactType.Record("Offense", new FieldDefinition("category", FactType.Text)))),
    });

    private static string Scan(string json, List<string>? errors = null)
    {
        return Encoding.UTF8.GetString(CaseJsonScan.Scan(Encoding.UTF8.GetBytes(json), Schema, errors ?? new List<string>()).Span);
    }

    [Fact]
    public void Unknown_properties_and_unknown_record_fields_are_read_as_null_and_known_values_are_kept_as_written()
    {
        var json = """{"id":"A\u0041","notes":"long text","prisoner":{"nationalities":["MX"],"age":[1,2,{"x":3}]},"offenses":[{"category":"drug","extra":{"a":[1]}}]}""";

        Assert.Equal("""{"id":"A\u0041","notes":null,"prisoner":{"nationalities":["MX"],"age":null},"offenses":[{"category":"drug","extra":null}]}""", Scan(json));
    }

    [Fact]
    public void A_case_where_every_property_is_read_is_parsed_from_its_own_bytes()
    {
        var json = """{"id":"A","prisoner":{"nationalities":["MX","US"]}}""";

        Assert.Equal(json, Scan(json));
    }

    [Fact]
    public void JSON_the_reader_cannot_read_is_left_to_the_document_parse_and_its_message()
    {
        var errors = new List<string>();

        Assert.Equal("""{"id":"A","id":""", Scan("""{"id":"A","id":""", errors));
        Assert.Empty(errors); // the duplicate before the break is not reported: the file is not JSON, and that is what is said
    }
}
