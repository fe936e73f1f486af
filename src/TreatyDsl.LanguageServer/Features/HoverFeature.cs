using System.Collections.Generic;
using System.Linq;
using System.Text;
using TreatyDsl.Binding;
using TreatyDsl.LanguageServer.Protocol;
using TreatyDsl.LanguageServer.Workspace;
using TreatyDsl.Syntax;

namespace TreatyDsl.LanguageServer.Features;

/// <summary>
/// What a name means, in Markdown: a rule's text and citation; a fact's type, its place in the case file and its
/// documentation; a threshold's value under each instrument and which baseline or instrument sets it; an instrument's
/// title, parties and countries; a country's instruments.
/// </summary>
internal static class HoverFeature
{
    public static Hover? At(WorkspaceSnapshot snapshot, TreatyDocument document, Position position)
    {
        var word = snapshot.Index.WordAt(document.Path, document.Lines.OffsetOf(position));
        if (word is not { } w) return null;
        var definitions = snapshot.Index.ResolveAt(document.Path, w);
        if (definitions.Count == 0) return null;
        var text = string.Join("\n\n---\n\n", definitions.GroupBy(d => d.Key).Select(g => Describe(snapshot, g.ToList())));
        return new Hover(MarkupContent.Markdown(text), document.Lines.RangeOf(w.Offset, w.Text.Length));
    }

    private static string Describe(WorkspaceSnapshot snapshot, IReadOnlyList<Definition> definitions)
    {
        var first = definitions[0];
        var model = snapshot.Model;
        var text = new StringBuilder();
        switch (first.Declaration)
        {
            case FactSyntax fact when first.Kind == NameKind.Fact:
                var factModel = model.Vocabulary.Facts.FirstOrDefault(f => f.Path == fact.Path);
                text.Append($"**fact** `{fact.Path}`: {Code(factModel?.Type.ToString() ?? fact.Type.Name)}");
                if (fact.Required) text.Append(", required");
                if (fact.NonEmpty) text.Append(", non-empty");
                text.Append("\n\n");
                if (fact.Description is { } description) text.Append(description).Append("\n\n");
                text.Append($"Case file: `{fact.Path}`");
                if (factModel?.Type.Kind == TypeKind.Enum && model.Vocabulary.Enums.FirstOrDefault(e => e.Name == factModel.Type.Name) is { } values)
                    text.Append($"; one of {string.Join(", ", values.Members.Select(m => $"`{m}`"))}");
                if (factModel?.ExpectedWhen is { } expected) text.Append($"; expected when `{ConditionPrinter.Print(expected)}`");
                text.Append(". Missing, it makes the rules that read it unknown, never met.");
                break;
            case RecordSyntax record when first.Kind == NameKind.Field:
                var field = (FieldSyntax)first.Detail!;
                text.Append($"**field** `{field.Name}` of record `{record.Name}`: {Code(field.Type.Name)}");
                break;
            case EnumSyntax e when first.Kind == NameKind.EnumMember:
                text.Append($"**value** `{first.Name}` of enum `{e.Name}` ({string.Join(", ", e.Members)})");
                break;
            case EnumSyntax e:
                text.Append($"**enum** `{e.Name}`: {string.Join(", ", e.Members.Select(m => $"`{m}`"))}");
                break;
            case RecordSyntax r:
                text.Append($"**record** `{r.Name}`: {string.Join(", ", r.Fields.Select(f => $"`{f.Name}` ({f.Type.Name})"))}");
                break;
            case DeriveSyntax d:
                text.Append($"**derived fact** `{d.Name}`: {Code(d.Type.Name)}");
                if (d.Label is { } label) text.Append("\n\n").Append(label);
                if (d.Citation is { } cite) text.Append($"\n\n*{cite}*");
                break;
            case ThresholdSyntax:
                DescribeThreshold(text, model, first.Name);
                break;
            case RuleSyntax:
                foreach (var definition in definitions) DescribeRule(text, (RuleSyntax)definition.Declaration, definition.Section);
                break;
            case ExceptionSyntax x:
                text.Append($"**exception** `{x.Id}` to `{x.Target}`" + (first.Section is null ? "" : $" ({first.Section})"));
                if (x.Text is { } xText) text.Append("\n\n> ").Append(xText);
                if (x.Citation is { } xCite) text.Append($"\n\n*{xCite}*");
                break;
            case InstrumentSyntax or BaselineSyntax:
                DescribeInstrument(text, model, first);
                break;
            case CountrySyntax c:
                text.Append($"**country** `{c.Code}` {c.Name}");
                foreach (var m in c.Memberships) text.Append($"\n- `{m.Instrument}`" + (m.Date is { } date ? $" from {date}" : "") + (m.Note is { } note ? $": {note}" : ""));
                if (c.Practice is { } practice) text.Append($"\n\nPractice: {practice.Note}");
                break;
            case TerritorySyntax t:
                text.Append($"**territory** `{t.Code}` {t.Name}, of `{t.Parent}`: takes the instruments of the country it belongs to");
                break;
            case AdvisoriesSyntax a:
                text.Append($"**advisory set** `{a.Id}`" + (a.Title is { } title ? $": {title}" : ""));
                text.Append("\n\nDiscretionary factors: advice for the person who decides, never part of a verdict.");
                break;
            case AdvisorySyntax advisory:
                text.Append($"**advisory** `{advisory.Id}` (weighs {advisory.Weighs.ToString().ToLowerInvariant()})");
                if (advisory.Text is { } aText) text.Append("\n\n> ").Append(aText);
                if (advisory.Citation is { } aCite) text.Append($"\n\n*{aCite}*");
                break;
        }
        return text.ToString();
    }

    private static void DescribeRule(StringBuilder text, RuleSyntax rule, string? section)
    {
        if (text.Length > 0) text.Append("\n\n");
        text.Append($"**{rule.Kind.ToString().ToLowerInvariant()}** `{rule.Id}`" + (section is null ? "" : $" in `{section}`"));
        if (rule.Effective is { } effective) text.Append($" (effective {(effective.From is { } from ? "from " + from : "")}{(effective.Before is { } before ? " before " + before : "")})");
        if (rule.Text is { } ruleText) text.Append("\n\n> ").Append(ruleText);
        if (rule.Citation is { } cite) text.Append($"\n\n*{cite}*");
    }

    private static void DescribeThreshold(StringBuilder text, TreatyModel model, string name)
    {
        text.Append($"**threshold** `{name}`");
        foreach (var instrument in model.Instruments)
        {
            var threshold = instrument.Thresholds.FirstOrDefault(t => t.Name == name);
            if (threshold is null) continue;
            foreach (var version in threshold.Versions)
            {
                var period = version.Effective.IsAlways ? "" : $" ({version.Effective})";
                text.Append($"\n- `{instrument.Id}`: {ConditionPrinter.Print(version.Value, threshold.Type)}{period}, set by `{version.Origin}` *{version.Citation}*");
            }
        }
    }

    private static void DescribeInstrument(StringBuilder text, TreatyModel model, Definition definition)
    {
        if (definition.Declaration is BaselineSyntax baseline)
        {
            text.Append($"**baseline** `{baseline.Id}`" + (baseline.Title is { } title ? $": {title}" : ""));
            if (baseline.Citation is { } cite) text.Append($"\n\n*{cite}*");
            var includers = model.Instruments.Where(i => i.Rules.Any(r => r.Origin == baseline.Id)).Select(i => $"`{i.Id}`").ToList();
            if (includers.Count > 0) text.Append($"\n\nIncluded by {string.Join(", ", includers)}");
            return;
        }
        var instrument = model.Instruments.FirstOrDefault(i => i.Id == definition.Name);
        var syntax = (InstrumentSyntax)definition.Declaration;
        text.Append($"**instrument** `{syntax.Id}`" + ((instrument?.Title ?? syntax.Title) is { } t ? $": {t}" : ""));
        if (instrument is not null)
        {
            text.Append($"\n\n{instrument.Kind.ToString().ToLowerInvariant()}; {instrument.Rules.Count} rules");
            if (instrument.Parties.Count > 0) text.Append($"; parties {string.Join(", ", instrument.Parties)}");
            if (instrument.InForce is { } inForce) text.Append($"; in force from {inForce}");
            text.Append($"\n\n*{instrument.Citation}*");
        }
        var countries = model.Countries.Countries.Where(c => c.Memberships.Any(m => m.Instrument == definition.Name)).Select(c => c.Code).ToList();
        if (countries.Count > 0) text.Append($"\n\nCountries: {string.Join(", ", countries)}");
    }

    private static string Code(string text) => $"`{text}`";
}
