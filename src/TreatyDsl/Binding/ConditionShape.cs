namespace TreatyDsl.Binding;

/// <summary>Facts about a condition's shape that both evaluators (interpreter and generated code) must agree on.</summary>
public static class ConditionShape
{
    /// <summary>
    /// Whether a rule's whole condition is one test (possibly negated): then its explanation can say what is
    /// required ("at least 6 months required"); a compound condition says which tests held instead.
    /// </summary>
    public static bool IsDirect(BoundExpression condition) => condition switch
    {
        NotExpression not => IsDirect(not.Operand),
        ComparisonExpression or InListExpression or FactReference => true,
        _ => false,
    };
}
