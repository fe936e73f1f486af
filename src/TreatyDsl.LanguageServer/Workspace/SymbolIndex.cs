using System;
using System.Collections.Generic;
using System.Linq;
using TreatyDsl.Syntax;
using TreatyDsl.Text;

namespace TreatyDsl.LanguageServer.Workspace;

/// <summary>What a name in a .treaty file stands for.</summary>
internal enum NameKind
{
    Fact,
    Field,
    Enum,
    EnumMember,
    Record,
    Derived,
    Threshold,
    Rule,
    Exception,
    Instrument,
    Baseline,
    Country,
    AdvisorySet,
    Advisory,
}

/// <summary>
/// One declaration of a name: its kind, the declaration (for hover), where the name itself is written (for go to
/// definition) and the instrument, baseline or advisory set whose section it is in.
/// </summary>
/// <param name="Owner">For a record's field, the record's name: two records' fields of one name are two symbols.</param>
internal sealed record Definition(NameKind Kind, string Name, string Path, int NameOffset, int NameLength, DeclarationSyntax Declaration, string? Section, object? Detail = null, string? Owner = null)
{
    /// <summary>Names of different kinds may be spelled alike (a rule and an advisory); the key tells them apart.</summary>
    public string Key => Kind switch
    {
        NameKind.Baseline => "instrument:" + Name, // 'includes statute' names a baseline as an instrument is named
        NameKind.Field => $"{Kind}:{Owner}.{Name}",
        _ => Kind + ":" + Name,
    };
}

/// <summary>A written use (or declaration) of a name.</summary>
internal sealed record Occurrence(string Path, int Offset, int Length, bool IsDeclaration);

/// <summary>
/// Every declared name of the workspace and every place a name is written. Built from the syntax of each file, so a
/// file that does not bind (mid-edit) still has its names; a name is resolved by spelling, in the order the binder
/// looks names up: facts, derived facts, thresholds, rules, instruments, enum values and types, countries, advisories,
/// and last a quantifier variable's field (<c>offense.category</c>), which is the field of the record the binder found
/// the variable ranging over (<see cref="BoundFields"/>), or, where the files do not bind, every field of that name.
/// </summary>
internal sealed class SymbolIndex
{
    private readonly Dictionary<string, List<Definition>> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Definition>> fieldsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Occurrence>> occurrences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Word[]> wordsByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, int Offset), Definition> fieldDeclarations = new();
    private Dictionary<(string Path, int Offset), string> boundFields = new();

    private static readonly NameKind[] Priority =
    {
        NameKind.Fact, NameKind.Derived, NameKind.Threshold, NameKind.Rule, NameKind.Exception, NameKind.Instrument, NameKind.Baseline,
        NameKind.EnumMember, NameKind.Enum, NameKind.Record, NameKind.Country, NameKind.AdvisorySet, NameKind.Advisory,
    };

    public IEnumerable<Definition> Definitions => byName.Values.SelectMany(d => d).Concat(fieldsByName.Values.SelectMany(d => d));

    public static SymbolIndex Build(WorkspaceSnapshot snapshot)
    {
        var index = new SymbolIndex();
        foreach (var document in snapshot.Documents) index.wordsByPath[document.Path] = Words.All(document.Text).ToArray();
        foreach (var document in snapshot.Documents) index.AddDeclarations(document);
        index.boundFields = BoundFields.Of(snapshot.Model);
        foreach (var document in snapshot.Documents)
        {
            foreach (var word in index.wordsByPath[document.Path])
            {
                foreach (var definition in index.ResolveAt(document.Path, word))
                {
                    var isDeclaration = definition.Path == document.Path && definition.NameOffset == word.Offset;
                    index.AddOccurrence(definition.Key, new Occurrence(document.Path, word.Offset, word.Text.Length, isDeclaration));
                }
            }
        }
        return index;
    }

    /// <summary>The definitions a name stands for: those of the first kind that has the name, all of them (a rule a baseline writes and an instrument overrides).</summary>
    public IReadOnlyList<Definition> Resolve(string name)
    {
        if (byName.TryGetValue(name, out var found))
        {
            foreach (var kind in Priority)
            {
                var ofKind = found.Where(d => d.Kind == kind || (kind == NameKind.Instrument && d.Kind == NameKind.Baseline)).ToList();
                if (ofKind.Count > 0) return ofKind;
            }
        }
        var dot = name.IndexOf('.');
        if (dot > 0 && fieldsByName.TryGetValue(name.Substring(dot + 1), out var fields)) return fields;
        return Array.Empty<Definition>();
    }

    /// <summary>
    /// The definitions the word written at its place in <paramref name="path"/> stands for: as <see cref="Resolve"/>,
    /// except that a record's field, where it is declared or where the binder read it through a quantifier variable,
    /// is that record's field alone.
    /// </summary>
    public IReadOnlyList<Definition> ResolveAt(string path, Word word)
    {
        if (fieldDeclarations.TryGetValue((path, word.Offset), out var declared) && declared.Name == word.Text) return new[] { declared };
        if (boundFields.TryGetValue((path, word.Offset), out var record))
        {
            var field = word.Text.Substring(word.Text.IndexOf('.') + 1);
            if (fieldsByName.TryGetValue(field, out var fields)) return fields.Where(f => f.Owner == record).ToList();
        }
        return Resolve(word.Text);
    }

    public IReadOnlyList<Occurrence> OccurrencesOf(Definition definition) =>
        occurrences.TryGetValue(definition.Key, out var list) ? list : (IReadOnlyList<Occurrence>)Array.Empty<Occurrence>();

    /// <summary>Every word of a file outside comments and strings, in order, as the index read them (none for a file it does not have).</summary>
    public IReadOnlyList<Word> WordsIn(string path) => wordsByPath.TryGetValue(path, out var words) ? words : Array.Empty<Word>();

    /// <summary>The word at an offset of a file, outside comments and strings.</summary>
    public Word? WordAt(string path, int offset) => wordsByPath.TryGetValue(path, out var words) ? Words.At(words, offset) : null;

    public IEnumerable<Definition> DeclaredIn(string path) => Definitions.Where(d => d.Path == path).OrderBy(d => d.Declaration.Span.Offset).ThenBy(d => d.NameOffset);

    private void AddDeclarations(TreatyDocument document)
    {
        string? section = null;
        foreach (var declaration in document.Parsed.File.Declarations)
        {
            switch (declaration)
            {
                case FactSyntax fact: Add(document, NameKind.Fact, fact.Path, declaration, section); break;
                case EnumSyntax e:
                    Add(document, NameKind.Enum, e.Name, declaration, section);
                    for (var i = 0; i < e.Members.Count; i++)
                    {
                        var span = e.MemberSpans.Count > i ? e.MemberSpans[i] : e.Span;
                        AddAt(document, NameKind.EnumMember, e.Members[i], span.Offset, declaration, section, e.Name);
                    }
                    break;
                case RecordSyntax r:
                    Add(document, NameKind.Record, r.Name, declaration, section);
                    foreach (var field in r.Fields)
                    {
                        var definition = AddAt(document, NameKind.Field, field.Name, field.Span.Offset, declaration, section, field, r.Name);
                        fieldDeclarations[(document.Path, definition.NameOffset)] = definition;
                    }
                    break;
                case DeriveSyntax d: Add(document, NameKind.Derived, d.Name, declaration, section); break;
                case InstrumentSyntax i: section = i.Id; Add(document, NameKind.Instrument, i.Id, declaration, null); break;
                case BaselineSyntax b: section = b.Id; Add(document, NameKind.Baseline, b.Id, declaration, null); break;
                case AdvisoriesSyntax a: section = a.Id; Add(document, NameKind.AdvisorySet, a.Id, declaration, null); break;
                case ThresholdSyntax t: Add(document, NameKind.Threshold, t.Name, declaration, section); break;
                case RuleSyntax rule: Add(document, NameKind.Rule, rule.Id, declaration, section); break;
                case ExceptionSyntax x: Add(document, NameKind.Exception, x.Id, declaration, section); break;
                case AdvisorySyntax advisory: Add(document, NameKind.Advisory, advisory.Id, declaration, section); break;
                case CountrySyntax c: Add(document, NameKind.Country, c.Code, declaration, null); break;
                case TerritorySyntax t: Add(document, NameKind.Country, t.Code, declaration, null); break;
                case VocabularySyntax or CountriesSyntax: section = null; break;
            }
        }
    }

    /// <summary>Adds a name declared in <paramref name="declaration"/>, written at its first occurrence there.</summary>
    private void Add(TreatyDocument document, NameKind kind, string name, DeclarationSyntax declaration, string? section) =>
        AddAt(document, kind, name, declaration.Span.Offset, declaration, section, null);

    private Definition AddAt(TreatyDocument document, NameKind kind, string name, int searchFrom, DeclarationSyntax declaration, string? section, object? detail, string? owner = null)
    {
        var words = wordsByPath[document.Path];
        var written = words.FirstOrDefault(w => w.Offset >= searchFrom && w.Text == name);
        var offset = written.Text is null ? declaration.Span.Offset : written.Offset;
        var definition = new Definition(kind, name, document.Path, offset, name.Length, declaration, section, detail, owner);
        var map = kind == NameKind.Field ? fieldsByName : byName;
        if (!map.TryGetValue(name, out var list)) map[name] = list = new List<Definition>();
        list.Add(definition);
        return definition;
    }

    private void AddOccurrence(string key, Occurrence occurrence)
    {
        if (!occurrences.TryGetValue(key, out var list)) occurrences[key] = list = new List<Occurrence>();
        list.Add(occurrence);
    }
}
