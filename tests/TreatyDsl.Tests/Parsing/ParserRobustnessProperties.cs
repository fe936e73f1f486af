using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using TreatyDsl.Interpretation;
using TreatyDsl.Runtime;
using Xunit;

namespace TreatyDsl.Tests.Parsing;

/// <summary>
/// Whatever the input, loading never throws and every diagnostic points inside its file. The inputs are the shipped
/// treaties damaged the way editing damages them (a cut, a stray token, a pasted line), which reach far deeper into
/// the grammar and binder than random characters do; and whatever still loads without errors must evaluate the
/// samples without throwing.
/// </summary>
public class ParserRobustnessProperties
{
    private static readonly (string Path, string Text)[] Shipped =
        Directory.GetFiles(Paths.Treaties, "*.treaty").OrderBy(f => f, StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToArray();

    private static readonly string[] Tokens =
    {
        "require", "bar", "when", "unless", "and", "or", "not", "any", "all", "in", ":", "=", ">=", "(", ")", "[", "]", ",",
        "\"", "\n", "\n  ", "6 months", "2026-02-30", "9999-99-99", "cite", "override threshold", "exception", "to", "country", "\t", "//", ".",
    };

    private sealed record Edit(int File, int Position, int Cut, string Insert);

    private static readonly Gen<Edit> Edits =
        from file in Gen.Choose(0, Shipped.Length - 1)
        from position in Gen.Choose(0, Shipped[file].Text.Length)
        from cut in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 4)), (1, Gen.Choose(5, 60)))
        from insert in Gen.Frequency((3, Gen.Elements(Tokens)), (1, Gen.Constant("")), (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")))
        select new Edit(file, position, cut, insert);

    private static (string Path, string Text)[] Apply(Edit[] edits)
    {
        var files = Shipped.ToArray();
        foreach (var edit in edits)
        {
            var (path, text) = files[edit.File];
            var position = Math.Min(edit.Position, text.Length);
            var cut = Math.Min(edit.Cut, text.Length - position);
            files[edit.File] = (path, text.Substring(0, position) + edit.Insert + text.Substring(position + cut));
        }
        return files;
    }

    [Fact]
    public void Loading_damaged_treaty_files_never_throws_and_every_diagnostic_is_inside_its_file()
    {
        var property = Prop.ForAll(Gen.Choose(1, 4).SelectMany(n => Edits.ArrayOf(n)).ToArbitrary(), (Edit[] edits) =>
        {
            var files = Apply(edits);
            var model = TreatyLoader.Load(files);
            foreach (var diagnostic in model.Diagnostics)
            {
                var text = files.Single(f => f.Path == diagnostic.Span.Path).Text;
                if (diagnostic.Span.Offset < 0 || diagnostic.Span.Offset + diagnostic.Span.Length > text.Length || diagnostic.Span.Line < 1 || diagnostic.Span.Column < 1)
                    throw new Exception($"Diagnostic outside its file: {diagnostic}");
            }
            if (!model.HasErrors)
            {
                var catalog = InterpretedCatalog.Create(model);
                foreach (var sample in Directory.GetFiles(Paths.Samples, "*.json"))
                {
                    var read = CaseFileReader.Read(File.ReadAllText(sample), catalog.Schema);
                    if (read.Facts is not null) CaseEvaluator.Evaluate(catalog, read.Facts);
                }
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void Arbitrary_text_never_makes_the_parser_throw()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500),
            Prop.ForAll<string>(text => TreatyLoader.Load(new[] { ("random.treaty", text ?? "") })));
    }
}
