using NodaTime;
using TreatyDsl.Binding;
using TreatyDsl.Runtime;
using TreatyDsl.Syntax;

namespace TreatyDsl.Interpretation;

/// <summary>Maps language values onto runtime values (NodaTime dates and periods, relations).</summary>
public static class Conversions
{
    public static LocalDate ToLocalDate(DateValue date) => new(date.Year, date.Month, date.Day);

    public static LocalDate? ToLocalDate(DateValue? date) => date is null ? null : ToLocalDate(date.Value);

    public static Period ToPeriod(DurationValue duration) =>
        new PeriodBuilder { Years = duration.Years, Months = duration.Months, Days = duration.Days }.Build();

    public static Relation ToRelation(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => Relation.Equal,
        ComparisonOperator.NotEqual => Relation.NotEqual,
        ComparisonOperator.Less => Relation.Less,
        ComparisonOperator.LessOrEqual => Relation.LessOrEqual,
        ComparisonOperator.Greater => Relation.Greater,
        _ => Relation.GreaterOrEqual,
    };
}
