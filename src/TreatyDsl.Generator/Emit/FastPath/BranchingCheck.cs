using TreatyDsl.Binding;

namespace TreatyDsl.Generator;

/// <summary>
/// A requirement the fast path checks by branching on its one fact, as a hand-written validator does, rather than by
/// working out its three-valued truth and switching on that: a yes/no fact (<c>judgment.final</c>) or its negation
/// (<c>not judgment.appealPending</c>), in one version in effect always, with no exception. The answer is the rule's
/// (<c>Logic.Of</c> of the fact, or its <c>Logic.Not</c>): unknown when the fact is, not met when the test fails; the
/// differential fuzzer and the benchmarks' agreement check hold <c>GetVerdict</c> to the interpreter either way. The
/// truth computed without branches (as <c>Logic</c> does it, for the report) costs a dozen instructions a rule where
/// the branches cost four, and most cases pass through every yes/no requirement.
/// </summary>
internal sealed class BranchingCheck
{
    private BranchingCheck(string access, bool wanted)
    {
        Access = access;
        Wanted = wanted;
    }

    /// <summary>The fact's C# access on the case (<c>c.Judgment.Final</c>).</summary>
    public string Access { get; }

    /// <summary>The value that meets the requirement: true for the fact itself, false for its negation.</summary>
    public bool Wanted { get; }

    /// <summary>The check for <paramref name="rule"/>, or null when its condition is not a plain yes/no fact or its negation.</summary>
    public static BranchingCheck? Of(RuleModel rule)
    {
        if (rule.Versions.Count != 1) return null;
        var version = rule.Versions[0];
        if (!version.Effective.IsAlways || version.Exceptions.Count > 0) return null;
        return version.Condition switch
        {
            FactReference { Type.Kind: TypeKind.Bool } fact => new BranchingCheck(AccessOf(fact), wanted: true),
            NotExpression { Operand: FactReference { Type.Kind: TypeKind.Bool } negated } => new BranchingCheck(AccessOf(negated), wanted: false),
            _ => null,
        };
    }

    private static string AccessOf(FactReference fact) => "c." + GeneratedNames.Member(fact.Path);

    /// <summary>Writes the check into <c>GetVerdict</c>, whose locals are <c>c</c> and <c>unknown</c>.</summary>
    public void Emit(CodeWriter file, string runtime)
    {
        file.Line("{");
        file.Nested($"var value = {Access};");
        file.Nested("if (value is null) unknown = true;");
        file.Nested($"else if ({(Wanted ? "!" : string.Empty)}value.GetValueOrDefault()) return {runtime}.Verdict.Ineligible;");
        file.Line("}");
    }
}
