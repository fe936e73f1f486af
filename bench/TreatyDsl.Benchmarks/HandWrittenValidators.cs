using NodaTime;
using TreatyDsl.Benchmarks.Treaties;
using TreatyDsl.Runtime;

namespace TreatyDsl.Benchmarks;

/// <summary>
/// What a careful developer writes by hand for the us-mx and coe rules (treaties/baseline.treaty, us-mx.treaty,
/// coe.treaty) on the generated <see cref="TreatyCase"/>: direct tests on the typed properties, three-valued where a
/// fact may be missing, enums compared as enums, no strings, no allocation. The yardstick of the generated fast path
/// (issue 13: within 1.2x); <see cref="FastPathAgreement"/> checks that both give the same verdict on every case first.
/// </summary>
internal static class HandWrittenValidators
{
    private static readonly Period MinTimeRemaining = Period.FromMonths(6);

    public static Verdict UsMx(TreatyCase c)
    {
        var unknown = false;
        if (!Statute(c, ref unknown)) return Verdict.Ineligible;
        if (!Apply(Or(MinRemaining(c), Of(c.ExceptionalCircumstances)), ref unknown)) return Verdict.Ineligible;
        // bar domiciliary: years resident >= 5 and intends to remain
        var years = c.Prisoner.YearsResidentInSentencingCountry;
        var domiciliary = And(years is { } y ? Of(y >= 5) : Truth.Unknown, Of(c.Prisoner.IntendsToRemainInSentencingCountry));
        if (!Apply(Not(domiciliary), ref unknown)) return Verdict.Ineligible;
        if (!Apply(c.Sentence.Type is { } type ? Of(type == SentenceType.Determinate) : Truth.Unknown, ref unknown)) return Verdict.Ineligible;
        if (!Apply(ImmigrationOffense(c), ref unknown)) return Verdict.Ineligible;
        // fines-paid, unless the sentence is not Mexico's
        var finesPaid = Not(Of(c.Financial.FinesUnpaid));
        if (finesPaid != Truth.True) finesPaid = Or(finesPaid, c.SentencingCountry is { } s ? Of(s != "MX") : Truth.Unknown);
        if (!Apply(finesPaid, ref unknown)) return Verdict.Ineligible;
        return unknown ? Verdict.Undetermined : Verdict.Eligible;
    }

    public static Verdict Coe(TreatyCase c)
    {
        var unknown = false;
        if (!Statute(c, ref unknown)) return Verdict.Ineligible;
        if (!Apply(Or(MinRemaining(c), Of(c.ExceptionalCircumstances)), ref unknown)) return Verdict.Ineligible;
        return unknown ? Verdict.Undetermined : Verdict.Eligible;
    }

    /// <summary>The statute's requirements but the time remaining (whose exception each instrument adds); false when one fails.</summary>
    private static bool Statute(TreatyCase c, ref bool unknown)
    {
        var nationalities = c.Prisoner.Nationalities;
        var nationality = In(c.ReceivingCountry, nationalities);
        if (nationality != Truth.True) nationality = Or(nationality, In(c.ReceivingNationality, nationalities));
        if (!Apply(nationality, ref unknown)) return false;
        if (!Apply(DualCriminality(c), ref unknown)) return false;
        if (!Apply(Of(c.Judgment.Final), ref unknown)) return false;
        if (!Apply(Not(Of(c.Judgment.AppealPending)), ref unknown)) return false;
        if (!Apply(Not(Of(c.Judgment.CollateralAttackPending)), ref unknown)) return false;
        if (!Apply(Of(c.Consent.Prisoner), ref unknown)) return false;
        if (!Apply(Of(c.Consent.SentencingCountry), ref unknown)) return false;
        if (!Apply(Of(c.Consent.ReceivingCountry), ref unknown)) return false;
        var state = Of(c.Consent.State);
        if (state != Truth.True) state = Or(state, c.Custody is { } custody ? Of(custody != Custody.State) : Truth.Unknown);
        return Apply(state, ref unknown);
    }

    /// <summary>all offense in offenses: offense.dualCriminality or offense.sentenceServed</summary>
    private static Truth DualCriminality(TreatyCase c)
    {
        if (c.Offenses is not { } offenses) return Truth.Unknown;
        var result = Truth.True;
        for (var i = 0; i < offenses.Count; i++)
        {
            var offense = offenses[i];
            var t = Or(Of(offense?.DualCriminality), Of(offense?.SentenceServed));
            if (t == Truth.False) return Truth.False;
            if (t == Truth.Unknown) result = Truth.Unknown;
        }
        return result;
    }

    /// <summary>bar: any offence is an immigration offence, unless there are other transferable offences (not immigration, with dual criminality) and its part has been served.</summary>
    private static Truth ImmigrationOffense(TreatyCase c)
    {
        if (c.Offenses is not { } offenses) return Truth.Unknown;
        var any = Truth.False;
        var other = Truth.False;
        var served = Truth.True;
        for (var i = 0; i < offenses.Count; i++)
        {
            var category = offenses[i]?.Category;
            var immigration = category is { } k ? Of(k == OffenseCategory.Immigration) : Truth.Unknown;
            any = Or(any, immigration);
            other = Or(other, And(Not(immigration), Of(offenses[i]?.DualCriminality)));
            served = And(served, Or(Not(immigration), Of(offenses[i]?.SentenceServed)));
        }
        var met = Not(any);
        return met == Truth.True ? met : Or(met, And(other, served));
    }

    /// <summary>timeRemaining >= 6 months, where a life, indeterminate or dangerous-offender sentence has no end.</summary>
    private static Truth MinRemaining(TreatyCase c)
    {
        var unbounded = c.Sentence.Type is { } type
            ? Of(type is SentenceType.Life or SentenceType.Indeterminate or SentenceType.DangerousOffender)
            : Truth.Unknown;
        if (unbounded == Truth.True) return Truth.True;
        var bounded = c.ApplicationDate is { } start && c.Sentence.FullTermDate is { } end
            ? Of(end >= start.Plus(MinTimeRemaining))
            : Truth.Unknown;
        if (unbounded == Truth.False) return bounded;
        return bounded == Truth.True ? Truth.True : Truth.Unknown;
    }

    private static bool Apply(Truth met, ref bool unknown)
    {
        if (met == Truth.False) return false;
        if (met == Truth.Unknown) unknown = true;
        return true;
    }

    private static Truth In(string? value, System.Collections.Generic.IReadOnlyList<string>? list)
    {
        if (value is null || list is null) return Truth.Unknown;
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return Truth.True;
        return Truth.False;
    }

    private static Truth Of(bool value) => value ? Truth.True : Truth.False;

    private static Truth Of(bool? value) => value is { } v ? (v ? Truth.True : Truth.False) : Truth.Unknown;

    private static Truth Not(Truth t) => t == Truth.True ? Truth.False : t == Truth.False ? Truth.True : Truth.Unknown;

    private static Truth And(Truth a, Truth b) => a == Truth.False || b == Truth.False ? Truth.False : a == Truth.True && b == Truth.True ? Truth.True : Truth.Unknown;

    private static Truth Or(Truth a, Truth b) => a == Truth.True || b == Truth.True ? Truth.True : a == Truth.False && b == Truth.False ? Truth.False : Truth.Unknown;
}
