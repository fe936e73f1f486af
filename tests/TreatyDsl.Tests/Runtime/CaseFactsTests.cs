using System;
using System.Collections.Generic;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Runtime;

/// <summary>What <see cref="CaseFacts"/> answers for a typed case that does and does not read record fields itself.</summary>
public class CaseFactsTests
{
    /// <summary>A typed case as a generator before <see cref="ITypedCaseRecords"/> made it: facts by path only.</summary>
    private sealed class PathOnlyCase : ITypedCase
    {
        public object? GetFact(string path) => path == "offenses"
            ? new object?[]
            {
                new Dictionary<string, object?> { ["sentenceServed"] = true, ["category"] = "drug" },
                new Dictionary<string, object?> { ["category"] = "other" },
            }
            : null;

        public ITypedCase WithFacts(IReadOnlyDictionary<string, object?> supplied) => this;
    }

    /// <summary>A typed case that answers record fields itself, counting how often it is asked.</summary>
    private sealed class RecordReadingCase : ITypedCase, ITypedCaseRecords
    {
        public int Asked { get; private set; }

        public object? GetFact(string path) => throw new InvalidOperationException("the records are read through FieldOfEach");

        public ITypedCase WithFacts(IReadOnlyDictionary<string, object?> supplied) => this;

        public object?[]? FieldOfEach(string listPath, string field)
        {
            Asked++;
            return listPath == "offenses" ? new object?[] { field } : null;
        }
    }

    [Fact]
    public void A_typed_case_without_its_own_record_reader_gives_each_records_field_from_its_facts_by_path()
    {
        var facts = new CaseFacts(new PathOnlyCase());
        Assert.Equal(new object?[] { true, null }, facts.FieldOfEach("offenses", "sentenceServed"));
        Assert.Equal(new object?[] { "drug", "other" }, facts.FieldOfEach("offenses", "category"));
        Assert.Null(facts.FieldOfEach("no.such.list", "category"));
    }

    [Fact]
    public void A_typed_case_that_reads_its_records_is_asked_for_the_field_unless_the_list_was_supplied_after_reading()
    {
        var typed = new RecordReadingCase();
        var facts = new CaseFacts(typed);
        Assert.Equal(new object?[] { "sentenceServed" }, facts.FieldOfEach("offenses", "sentenceServed"));
        Assert.Equal(1, typed.Asked);

        var supplied = facts.With("offenses", new object?[] { new Dictionary<string, object?> { ["sentenceServed"] = false } });
        Assert.Equal(new object?[] { false }, supplied.FieldOfEach("offenses", "sentenceServed"));
        Assert.Equal(1, typed.Asked); // the supplied list, not the case's
    }
}
