using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using StreamJsonRpc;
using TreatyDsl.LanguageServer;
using TreatyDsl.LanguageServer.Protocol;
using Xunit;

namespace TreatyDsl.Tests.LanguageServer;

/// <summary>
/// The wire's types come only from the source-generated <see cref="LspJsonContext"/> (no reflection, so the natively
/// compiled tool can serve an editor): a request added without its types would fail only when an editor sent it.
/// </summary>
public class WireContextTests
{
    [Fact]
    public void Every_request_parameter_and_response_type_is_in_the_wire_context()
    {
        var methods = typeof(TreatyLanguageServer).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<JsonRpcMethodAttribute>() is not null)
            .ToList();
        Assert.Contains(methods, m => m.GetCustomAttribute<JsonRpcMethodAttribute>()!.Name == "textDocument/hover");

        var missing = methods
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Select(t => t == typeof(void) ? null : t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>) ? t.GetGenericArguments()[0] : t)
            .Where(t => t is not null && t != typeof(Task) && !Resolves(t))
            .Select(t => t!.Name)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_wire_names_are_camel_case_and_nulls_are_left_out()
    {
        var hover = new Hover(MarkupContent.Markdown("text"), Range: null);

        var json = JsonSerializer.Serialize(hover, LspJson.Options);

        Assert.Equal("""{"contents":{"kind":"markdown","value":"text"}}""", json);
    }

    private static bool Resolves(Type type)
    {
        try
        {
            return LspJson.Options.GetTypeInfo(type) is not null;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
