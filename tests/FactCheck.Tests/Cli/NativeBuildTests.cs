using FactCheck.Cli;
using FactCheck.Cli.Commands;

namespace FactCheck.Tests.Cli;

/// <summary>The native build's split of the commands (NativeBuild): what it runs itself are real commands, and a JIT build (this
/// test host) runs every command itself.</summary>
public class NativeBuildTests
{
    [Test]
    public void The_commands_the_native_build_runs_exist_and_the_jit_build_hands_nothing_on()
    {
        var names = new[] { ExtractCommand.Create(), EvalCommand.Create(), StoriesCommand.Create(), CheckCommand.Create() }.Select(c => c.Name).ToHashSet();
        Assert.That(NativeBuild.NativeCommands, Is.SubsetOf(names));
        Assert.That(NativeBuild.NativeCommands, Does.Not.Contain("check"), "check scores with the ML.NET model, which native code cannot run");
        Assert.That(NativeBuild.IsNative, Is.False);
        foreach (var args in new[] { new[] { "check", "x", "--out", "y" }, ["train"], ["serve"], ["extract", "x"], ["--help"] })
            Assert.That(NativeBuild.HandsOn(args), Is.False, string.Join(" ", args));
    }

    [Test]
    public void A_native_build_would_hand_on_the_commands_that_need_the_model_and_keep_the_engine_commands()
    {
        foreach (var args in new[] { new[] { "check", "x", "--out", "y" }, ["train"], ["serve"], ["review"], ["eval", "inject", "--clusters", "c"] })
            Assert.That(NativeBuild.NeedsJit(args), Is.True, string.Join(" ", args));
        foreach (var args in new[] { new[] { "extract", "x" }, ["stories", "x"], ["eval", "timex"], ["eval"], ["--help"], [] })
            Assert.That(NativeBuild.NeedsJit(args), Is.False, string.Join(" ", args));
        Assert.That(EvalCommand.Create().Subcommands.Select(c => c.Name), Is.SupersetOf(NativeBuild.JitEvalCommands));
    }
}
