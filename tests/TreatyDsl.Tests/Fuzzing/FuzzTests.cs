using Xunit;

namespace TreatyDsl.Tests.Fuzzing;

/// <summary>
/// The fuzz targets with a small fixed budget, deterministic in CI (seeds 0..N). For a long run, as long as asked, with
/// every failing input saved as a regression test: <c>TREATY_FUZZ_SECONDS=600 dotnet test Treaty.sln --filter Category=Fuzz</c>.
/// </summary>
[Trait("Category", "Fuzz")]
public class FuzzTests
{
    [Fact]
    public void Generated_validators_and_the_interpreter_agree_on_random_cases() =>
        Fuzzer.Run("differential", 400, CaseGenerator.Generate, FuzzTargets.Differential);

    [Fact]
    public void Removing_any_known_fact_never_changes_an_answer_to_another_definite_one() =>
        Fuzzer.Run("monotone", 40, CaseGenerator.Generate, FuzzTargets.Monotone);

    [Fact]
    public void The_case_reader_answers_every_input_and_never_throws() =>
        Fuzzer.Run("reader", 400, FuzzTargets.HostileJson, FuzzTargets.Reader);

    [Fact]
    public void The_generated_case_reader_reads_exactly_what_the_general_reader_reads_from_sound_cases() =>
        Fuzzer.Run("typed-reader", 400, CaseGenerator.Generate, FuzzTargets.TypedReader);

    [Fact]
    public void The_generated_case_reader_leaves_every_damaged_input_to_the_general_reader_with_its_messages() =>
        Fuzzer.Run("typed-reader", 400, FuzzTargets.HostileJson, FuzzTargets.TypedReader);

    [Fact]
    public void Damaged_treaty_files_never_crash_the_checker_the_interpreter_or_the_compiler() =>
        Fuzzer.Run("treaty-mutation", 4, FuzzTargets.MutatedTreaty, FuzzTargets.TreatyMutation);

    [Fact]
    public void Treaty_files_written_from_the_grammar_are_analysed_generated_and_served_without_a_crash_or_an_unreproduced_witness() =>
        Fuzzer.Run("treaty-grammar", 12, TreatyGrammarGenerator.Generate, FuzzTargets.TreatyGrammar);

    [Fact]
    public void The_language_server_process_answers_every_damaged_message_and_goes_on_serving() =>
        Fuzzer.Run("json-rpc", 20, FuzzTargets.JsonRpcSession, FuzzTargets.JsonRpc);

    [Fact]
    public void Files_written_from_the_grammar_keep_their_tokens_and_bound_model_when_formatted_and_format_the_same_however_they_are_spaced() =>
        Fuzzer.Run("format", 40, FuzzTargets.ShuffledGrammarTreaty, FuzzTargets.Format);

    [Fact]
    public void Hostile_quoted_text_stays_data_in_the_generated_code() =>
        Fuzzer.Run("hostile-text", 8, FuzzTargets.HostileTextInput, FuzzTargets.HostileText);
}
