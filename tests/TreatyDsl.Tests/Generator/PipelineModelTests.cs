using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TreatyDsl.Binding;
using TreatyDsl.Generator;
using Xunit;

namespace TreatyDsl.Tests.Generator;

/// <summary>
/// The incremental pipeline caches by value equality, so the models it passes between steps must hold no Roslyn
/// objects (symbols, syntax, locations keep whole compilations alive and never compare equal across runs) and no
/// collections that compare by reference (arrays, List, ImmutableArray): only records, strings, enums, structs and
/// <see cref="EquatableArray{T}"/>.
/// </summary>
public class PipelineModelTests
{
    private static readonly Type Plan = typeof(TreatyGenerator).Assembly.GetType("TreatyDsl.Generator.GenerationPlan", throwOnError: true)!;

    /// <summary>
    /// Where the walk starts: the plan (whose properties reach every spec an emitter is given), what the plan is made
    /// from (the parameters of <c>GenerationPlan.Create</c>: the bound model, settings, consumer, path map), and the
    /// pipeline's first step, each file's text.
    /// </summary>
    private static IEnumerable<Type> Roots() =>
        new[] { Plan, typeof(TreatyGenerator).Assembly.GetType("TreatyDsl.Generator.TreatyFileText", throwOnError: true)! }
            .Concat(Plan.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!.GetParameters().Select(p => p.ParameterType));

    private static IEnumerable<Type> Reachable()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(Roots());
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type)) continue;
            yield return type;
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)) continue;
            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes) pending.Push(argument);
            if (type.IsGenericType) continue;
            if (type.IsAbstract)
            {
                foreach (var derived in type.Assembly.GetTypes().Where(t => t.IsSubclassOf(type))) pending.Push(derived);
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                if (property.Name == "EqualityContract") continue;
                pending.Push(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
            }
        }
    }

    [Fact]
    public void Pipeline_models_hold_no_roslyn_types_and_no_reference_equal_collections()
    {
        var offenders = Reachable().Where(t =>
            // A Roslyn enum (the consumer's LanguageVersion) is a plain value; any other Roslyn type may hold a compilation.
            (t.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true && !t.IsEnum)
            || t.IsArray
            || (t.IsGenericType && t.GetGenericTypeDefinition() != typeof(EquatableArray<>) && !t.IsValueType)
            || (t.IsGenericType && t.GetGenericTypeDefinition().FullName!.StartsWith("System.Collections.Immutable.ImmutableArray", StringComparison.Ordinal)))
            .ToList();

        Assert.True(offenders.Count == 0, "Not cache-safe: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_class_in_the_pipeline_models_has_value_equality()
    {
        var classes = Reachable().Where(t => t.IsClass && t != typeof(string) && !t.IsAbstract).ToList();

        Assert.Contains(typeof(InstrumentModel), classes);
        Assert.Contains(typeof(AdvisorySetModel), classes);
        Assert.Contains(classes, t => t.Name == "AdvisorySpec");
        Assert.Contains(classes, t => t.Name == "CatalogSpec");
        Assert.Contains(typeof(ComparisonExpression), classes);
        Assert.All(classes, t => Assert.True(
            t.GetMethod("Equals", new[] { t }) is not null,
            $"{t} has no Equals({t.Name}); make it a record or implement IEquatable"));
    }
}
