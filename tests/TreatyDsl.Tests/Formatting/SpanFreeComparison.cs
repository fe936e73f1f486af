using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using TreatyDsl.Binding;
using TreatyDsl.Text;

namespace TreatyDsl.Tests.Formatting;

/// <summary>
/// Compares two bound models (or syntax trees) field by field, everything but the places in the files: what the
/// formatter may change is where things are written, never what they say. The first difference is reported by its
/// path (<c>Instruments[3].Rules[0].Versions[0].Condition.Left.Path</c>).
/// </summary>
internal static class SpanFreeComparison
{
    /// <summary>The first difference between the two models, or null. Diagnostics are compared by id and severity: their messages may name lines.</summary>
    public static string? Difference(TreatyModel expected, TreatyModel actual)
    {
        var ids = Difference(
            expected.Diagnostics.Select(d => $"{d.Id} {d.Severity}").OrderBy(s => s, StringComparer.Ordinal).ToArray(),
            actual.Diagnostics.Select(d => $"{d.Id} {d.Severity}").OrderBy(s => s, StringComparer.Ordinal).ToArray(),
            "Diagnostics");
        return ids ?? Difference(expected with { Diagnostics = default }, actual with { Diagnostics = default }, "Model");
    }

    public static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null) return expected is null && actual is null ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        var type = expected.GetType();
        if (type != actual.GetType()) return $"{path}: a {type.Name} != a {actual.GetType().Name}";
        if (type == typeof(SourceSpan)) return null;
        if (type.IsPrimitive || type.IsEnum || expected is string or decimal || IsPlainValue(type))
        {
            return Equals(expected, actual) ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        }
        if (expected is IEnumerable sequence)
        {
            var left = sequence.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count) return $"{path}: {left.Count} items != {right.Count} items";
            for (var i = 0; i < left.Count; i++)
            {
                if (Difference(left[i], right[i], $"{path}[{i}]") is { } inner) return inner;
            }
            return null;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } inner) return inner;
        }
        return null;
    }

    /// <summary>Value types with no place inside them (dates, durations): compared as values.</summary>
    private static bool IsPlainValue(Type type) =>
        type.IsValueType && !type.GetProperties().Any(p => p.PropertyType == typeof(SourceSpan))
        && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>));

    private static string Show(object? value) => value is null ? "null" : value is string s ? $"\"{s}\"" : value.ToString() ?? "?";
}
