using System.IO;
using TreatyDsl.Cli;
using Xunit;

namespace TreatyDsl.Tests.Cli;

/// <summary><c>treaty format</c> as a policy editor and CI run it: in place, with --verify-no-changes, and with a broken file beside good ones.</summary>
public class FormatCommandTests
{
    private const string Unformatted = "enum A:   x,y\nrequire r: \"t\" cite \"c\" when a\n";
    private const string Formatted = "enum A: x, y\nrequire r: \"t\"\n  cite \"c\"\n  when a\n";

    private static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Program.Invoke(args, output, errors);
        return (exit, output.ToString().Replace("\r\n", "\n"), errors.ToString().Replace("\r\n", "\n"));
    }

    private static string Folder(params (string Name, string Text)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("treaty-format-").FullName.Replace('\\', '/');
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    [Fact]
    public void The_shipped_treaties_need_no_change()
    {
        var (exit, output, errors) = Run("format", Paths.Treaties, "--verify-no-changes");
        Assert.Equal((0, string.Empty, string.Empty), (exit, output, errors));
    }

    [Fact]
    public void Verify_lists_each_place_that_would_change_exits_2_and_writes_nothing()
    {
        var folder = Folder(("a.treaty", Unformatted), ("b.treaty", Formatted));
        var (exit, output, errors) = Run("format", folder, "--verify-no-changes");
        Assert.Equal(FormatCommand.WouldChange, exit);
        Assert.Equal(
            $"{folder}/a.treaty(1,1): error FORMAT: Not in the canonical layout: 'treaty format' would rewrite this line\n" +
            $"{folder}/a.treaty(2,1): error FORMAT: Not in the canonical layout: 'treaty format' would rewrite this line\n",
            output);
        Assert.Equal($"treaty format: 1 of 2 files would change; run 'treaty format {folder}' to format it\n", errors);
        Assert.Equal(Unformatted, File.ReadAllText(Path.Combine(folder, "a.treaty")));
    }

    [Fact]
    public void Format_rewrites_the_files_that_change_names_them_and_then_verify_passes()
    {
        var folder = Folder(("a.treaty", Unformatted), ("b.treaty", Formatted));
        var (exit, output, _) = Run("format", folder);
        Assert.Equal(0, exit);
        Assert.Equal($"Formatted {folder}/a.treaty\n", output);
        Assert.Equal(Formatted, File.ReadAllText(Path.Combine(folder, "a.treaty")));
        Assert.Equal(0, Run("format", folder, "--verify-no-changes").Exit);
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_left_as_it_is_with_its_error_and_exit_1_while_the_others_are_formatted()
    {
        var broken = "require r: \"t\" when\n";
        var folder = Folder(("a.treaty", Unformatted), ("broken.treaty", broken));
        var (exit, output, errors) = Run("format", folder);
        Assert.Equal(FormatCommand.CannotFormat, exit);
        Assert.Equal($"Formatted {folder}/a.treaty\n", output);
        Assert.StartsWith($"{folder}/broken.treaty(1,16): error TDSL0001: ", errors);
        Assert.EndsWith($"treaty format: '{folder}/broken.treaty' has syntax errors, so it was left as it is\n", errors);
        Assert.Equal(broken, File.ReadAllText(Path.Combine(folder, "broken.treaty")));
    }

    [Fact]
    public void A_single_file_can_be_named_and_a_missing_one_is_a_usage_error()
    {
        var folder = Folder(("a.treaty", Unformatted), ("b.treaty", Unformatted));
        Assert.Equal(0, Run("format", folder + "/a.treaty").Exit);
        Assert.Equal(Formatted, File.ReadAllText(Path.Combine(folder, "a.treaty")));
        Assert.Equal(Unformatted, File.ReadAllText(Path.Combine(folder, "b.treaty")));

        var (exit, _, errors) = Run("format", folder + "/missing.treaty");
        Assert.Equal(Program.UsageError, exit);
        Assert.Equal($"treaty format: there is no file or folder '{folder}/missing.treaty'. Name .treaty files or the folders that hold them: treaty format path/to/treaties\n", errors);
    }
}
