using System.CommandLine;
using FactCheck.Cli.Commands;

var root = new RootCommand("FactCheck: finds facts in news articles and flags where they disagree.");
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(StoriesCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ReviewCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
return root.Parse(args).Invoke();
