using System.CommandLine;
using FactCheck.Cli;
using FactCheck.Cli.Commands;

// the native build (scripts/install.sh) hands the commands it does not run itself to the JIT build beside it
if (NativeBuild.HandsOn(args)) return NativeBuild.RunJit(args, Console.Error);
var root = new RootCommand("FactCheck: finds facts in news articles and flags where they disagree. " +
    "Exit codes: 0 ok, 1 some input failed, 2 reports not written, 3 a finding reached --fail-on, 64 usage error.");
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(StoriesCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ReviewCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
return Cli.Invoke(root, args);

namespace FactCheck.Cli
{
    /// <summary>Parses and runs; a usage error (unknown option, bad value) prints its messages and exits 64, apart from the
    /// exit codes of failed runs.</summary>
    public static class Cli
    {
        public static int Invoke(RootCommand root, string[] args, TextWriter? stderr = null)
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                stderr ??= Console.Error;
                foreach (var e in parse.Errors) stderr.WriteLine($"error: {e.Message}");
                stderr.WriteLine(parse.CommandResult.Command is RootCommand ? "see: factcheck --help" : $"see: factcheck {parse.CommandResult.Command.Name} --help");
                return ExitCodes.Usage;
            }
            return parse.Invoke();
        }
    }
}
