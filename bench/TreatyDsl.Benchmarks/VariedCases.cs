using System.Linq;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TreatyDsl.Benchmarks.Treaties;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// Seeded random case files over the facts the us-mx and coe rules read: each fact given (with a value drawn from its
/// plausible range, often the boundary) or left out, so eligible, ineligible and undetermined cases all occur; read
/// through the case file reader into the generated <see cref="TreatyCase"/>.
/// </summary>
internal static class VariedCases
{
    public static TreatyCase[] Make(int count, int seed = 13)
    {
        var random = new Random(seed);
        var cases = new TreatyCase[count];
        for (var i = 0; i < count; i++)
        {
            var json = CaseJson(random, i);
            var read = CaseFileReader.Read(json, GeneratedTreaties.Schema);
            cases[i] = TreatyCase.FromFacts(read.Facts ?? throw new InvalidOperationException("refused: " + string.Join("; ", read.Errors) + "\n" + json));
        }
        return cases;
    }

    /// <summary>
    /// Writes <paramref name="count"/> varied cases, one per line, for the whole-process measures (bench/floor-ab.sh):
    /// every fourth case's offences carry a description with JSON escapes (quotes, a \u escape, a line break), which
    /// a reader must unescape rather than copy.
    /// </summary>
    public static void WriteJsonLines(int count, string path, int seed = 13)
    {
        var random = new Random(seed);
        using var output = new System.IO.StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        for (var i = 0; i < count; i++) output.Write(CaseJson(random, i, escaped: i % 4 == 3) + "\n");
    }

    private static string CaseJson(Random random, int index, bool escaped = false)
    {
        var json = new StringBuilder();
        json.Append("{\"id\":\"V-").Append(index.ToString(CultureInfo.InvariantCulture)).Append('"');
        bool Given() => random.Next(10) > 0; // each fact present nine times in ten
        string Bool(int trueInTen) => random.Next(10) < trueInTen ? "true" : "false";
        var mexican = random.Next(2) == 0;
        json.Append(",\"sentencingCountry\":\"").Append(mexican ? "MX" : "US").Append("\",\"receivingCountry\":\"").Append(mexican ? "US" : random.Next(2) == 0 ? "MX" : "DE").Append('"');
        if (Given()) json.Append(",\"applicationDate\":\"2026-01-15\"");
        if (Given()) json.Append(",\"custody\":\"").Append(new[] { "federal", "state", "foreign" }[random.Next(3)]).Append('"');
        if (random.Next(10) == 0) json.Append(",\"exceptionalCircumstances\":").Append(Bool(5));
        json.Append(",\"prisoner\":{");
        var first = true;
        void Field(string name, string value) { json.Append(first ? "" : ",").Append('"').Append(name).Append("\":").Append(value); first = false; }
        if (Given()) Field("nationalities", random.Next(6) == 0 ? "[\"FR\"]" : mexican ? "[\"US\"]" : "[\"MX\",\"DE\"]");
        if (Given()) Field("yearsResidentInSentencingCountry", random.Next(0, 12).ToString(CultureInfo.InvariantCulture));
        if (Given()) Field("intendsToRemainInSentencingCountry", Bool(3));
        json.Append("},\"sentence\":{");
        first = true;
        if (Given()) Field("type", "\"" + new[] { "determinate", "determinate", "determinate", "life", "indeterminate", "death", "juvenile", "dangerous-offender" }[random.Next(8)] + "\"");
        if (Given()) Field("fullTermDate", "\"" + new DateTime(2026, 1, 15).AddDays(random.Next(100, 400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\"");
        json.Append("},\"judgment\":{");
        first = true;
        if (Given()) Field("final", Bool(9));
        if (Given()) Field("appealPending", Bool(1));
        if (Given()) Field("collateralAttackPending", Bool(1));
        json.Append("},\"consent\":{");
        first = true;
        if (Given()) Field("prisoner", Bool(9));
        if (Given()) Field("sentencingCountry", Bool(9));
        if (Given()) Field("receivingCountry", Bool(9));
        if (Given()) Field("state", Bool(7));
        json.Append("},\"financial\":{");
        first = true;
        if (Given()) Field("finesUnpaid", Bool(2));
        json.Append('}');
        if (Given())
        {
            json.Append(",\"offenses\":[");
            var offenses = random.Next(1, 4);
            // The reader refuses a case file that marks every offence served while the sentence runs: the last offence
            // is never marked served when all the others are.
            var allServed = true;
            for (var o = 0; o < offenses; o++)
            {
                json.Append(o == 0 ? "{" : ",{");
                first = true;
                if (escaped) Field("description", "\"Importation of \\\"controlled\\\" substances \\u2014 count " + (o + 1).ToString(CultureInfo.InvariantCulture) + "\\n(plea)\"");
                if (Given()) Field("category", "\"" + new[] { "drug", "violent", "fraud", "immigration", "immigration", "other" }[random.Next(6)] + "\"");
                if (Given()) Field("dualCriminality", Bool(9));
                if (Given())
                {
                    var served = o == offenses - 1 && allServed ? "false" : Bool(3);
                    Field("sentenceServed", served);
                    allServed &= served == "true";
                }
                else
                {
                    allServed = false;
                }
                json.Append('}');
            }
            json.Append(']');
        }
        return json.Append('}').ToString();
    }
}

/// <summary>The generated fast path and the hand-written one agree on every case, or the measurement is void.</summary>
internal static class FastPathAgreement
{
    public static (int Eligible, int Ineligible, int Undetermined) Check(IReadOnlyList<TreatyCase> cases)
    {
        var (eligible, ineligible, undetermined) = (0, 0, 0);
        foreach (var c in cases)
        {
            var usMx = UsMxValidator.GetVerdict(c);
            var coe = CoeValidator.GetVerdict(c);
            if (usMx != HandWrittenValidators.UsMx(c) || coe != HandWrittenValidators.Coe(c))
                throw new InvalidOperationException($"case {c.Id}: generated us-mx {usMx}, coe {coe}; hand-written {HandWrittenValidators.UsMx(c)}, {HandWrittenValidators.Coe(c)}");
            if (usMx != CarefulUsMx.GetVerdict(c) || coe != CarefulCoe.GetVerdict(c))
                throw new InvalidOperationException($"case {c.Id}: generated us-mx {usMx}, coe {coe}; careful hand-written {CarefulUsMx.GetVerdict(c)}, {CarefulCoe.GetVerdict(c)}; us-mx rules: "
                    + string.Join(", ", UsMxValidator.Evaluate(c).Requirements.Select(r => $"{r.Id} {r.Outcome}: {r.Explanation}")));
            // The slow path says the same.
            if (UsMxValidator.Evaluate(c).Verdict != usMx || CoeValidator.Evaluate(c).Verdict != coe)
                throw new InvalidOperationException($"case {c.Id}: Evaluate and GetVerdict disagree");
            foreach (var v in new[] { usMx, coe })
            {
                if (v == Verdict.Eligible) eligible++;
                else if (v == Verdict.Ineligible) ineligible++;
                else undetermined++;
            }
        }
        return (eligible, ineligible, undetermined);
    }
}
