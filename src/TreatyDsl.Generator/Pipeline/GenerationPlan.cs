using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TreatyDsl.Binding;
using TreatyDsl.Diagnostics;

namespace TreatyDsl.Generator;

/// <summary>
/// Decides what to emit. A file with errors produces nothing: an instrument or advisory set is emitted only if no error
/// touches its own file or the baseline files its rules come from; nothing is emitted if the vocabulary has errors.
/// </summary>
/// <remarks>
/// What is left out is never left out silently: each omission is a warning (TDSL0202) at the place to fix, naming the
/// first error, so the reason stays visible even where that error has been configured away.
/// </remarks>
internal sealed record GenerationPlan(EquatableArray<InstrumentSpec> Instruments, EquatableArray<AdvisorySpec> Advisories, VocabularySpec? Vocabulary, CatalogSpec? Catalog, EquatableArray<Omission> Omissions)
{
    public static GenerationPlan Create(TreatyModel model, GeneratorSettings settings, ConsumerProject consumer, PathMap pathMap)
    {
        if (!settings.CanGenerate || !consumer.CanCompile) return Nothing(); // GeneratorSettings and ConsumerProject say why
        var target = new GeneratedTarget(settings.Namespace, settings.TypeAccessibility, !consumer.HasIsExternalInit);
        var errors = model.Diagnostics.Where(d => d.IsError).ToList();
        var vocabularyFiles = new HashSet<string>(model.Vocabulary.Facts.Select(f => f.Span.Path).Concat(model.Vocabulary.Derived.Select(d => d.Span.Path)));
        var vocabularyError = errors.FirstOrDefault(d => d.Id == "TDSL0112" || vocabularyFiles.Contains(d.Span.Path));
        if (model.Vocabulary.Facts.Count == 0 || vocabularyError is not null)
        {
            var first = vocabularyError ?? errors.FirstOrDefault();
            var reason = first is null ? "the vocabulary declares no facts" : "a file that declares the fact vocabulary has errors; the first is " + Describe(first);
            return Nothing(new Omission("Nothing was generated because " + reason, first?.Span ?? model.Diagnostics.FirstOrDefault()?.Span ?? default));
        }

        var omissions = new List<Omission>();
        TreatyDiagnostic? FirstErrorIn(IEnumerable<string> paths)
        {
            var set = new HashSet<string>(paths);
            return errors.FirstOrDefault(d => set.Contains(d.Span.Path));
        }
        var instruments = new List<InstrumentSpec>();
        foreach (var instrument in model.Instruments)
        {
            var error = FirstErrorIn(instrument.Rules.Concat(instrument.Reviews).SelectMany(r => r.Versions.Select(v => v.Span.Path)).Append(instrument.Span.Path));
            if (error is null) instruments.Add(new InstrumentSpec(target, model.Vocabulary, instrument, pathMap));
            else omissions.Add(new Omission($"The validator for instrument '{instrument.Id}' was not generated because its treaty files have errors; the first is {Describe(error)}", instrument.Span));
        }
        var advisories = new List<AdvisorySpec>();
        foreach (var set in model.Advisories)
        {
            // A set's factors are always in its header's file (a header owns what follows it in the same file).
            var error = FirstErrorIn(new[] { set.Span.Path });
            if (error is null) advisories.Add(new AdvisorySpec(target, model.Vocabulary, set, pathMap));
            else omissions.Add(new Omission($"The advisory set '{set.Id}' was not generated because its treaty file has errors; the first is {Describe(error)}", set.Span));
        }
        var countries = model.Countries;
        if (FirstErrorIn(model.Countries.Countries.Select(c => c.Span.Path)) is { } tableError)
        {
            countries = new CountryTableModel(model.Countries.Title, model.Countries.Citation, EquatableArray<CountryModel>.Empty);
            omissions.Add(new Omission($"The country table was generated empty, so every case is no-treaty, because its treaty file has errors; the first is {Describe(tableError)}", tableError.Span));
        }
        var instrumentSpecs = instruments.ToEquatableArray();
        var advisorySpecs = advisories.ToEquatableArray();
        return new GenerationPlan(
            instrumentSpecs,
            advisorySpecs,
            new VocabularySpec(target, model.Vocabulary),
            new CatalogSpec(target, model.Vocabulary, countries, instrumentSpecs.Select(i => i.Instrument.Id).ToEquatableArray(), advisorySpecs.Select(a => a.Set.Id).ToEquatableArray(), pathMap),
            omissions.ToEquatableArray());
    }

    private static GenerationPlan Nothing(params Omission[] omissions) =>
        new(EquatableArray<InstrumentSpec>.Empty, EquatableArray<AdvisorySpec>.Empty, null, null, omissions.ToEquatableArray());

    /// <summary>"TDSL0102 at us-mx.treaty(51,31)": the file's name, as the compiler shows the full path beside the warning anyway.</summary>
    private static string Describe(TreatyDiagnostic error)
    {
        var path = error.Span.Path ?? string.Empty;
        var name = path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        return $"{error.Id} at {name}({error.Span.Line},{error.Span.Column})";
    }
}
