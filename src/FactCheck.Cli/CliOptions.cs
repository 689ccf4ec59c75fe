using System.CommandLine;
using FactCheck.Readers;

namespace FactCheck.Cli;

/// <summary>Exit codes shared by the commands (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Every input was read (and no finding reached --fail-on).</summary>
    public const int Ok = 0;
    /// <summary>Some input could not be read; the others were processed.</summary>
    public const int InputFailed = 1;
    /// <summary>The reports could not be written.</summary>
    public const int WriteFailed = 2;
    /// <summary>`check`: a finding reached --fail-on (wins over 1: a CI gate must not pass because an input also failed).</summary>
    public const int FindingsReachedFailOn = 3;
    /// <summary>The command line is wrong: unknown option, bad value, missing argument (EX_USAGE of sysexits.h).</summary>
    public const int Usage = 64;
}

/// <summary>Options several commands share: paths (that reject unknown options), --threads, --max-doc-mb.</summary>
public static class CliOptions
{
    /// <summary>The PATHS argument; a token that starts with "-" and is no existing file is an unknown option, not a path.</summary>
    public static Argument<string[]> Paths()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Files or folders (.txt, .jsonl, .html)" };
        paths.Validators.Add(r =>
        {
            foreach (var t in r.Tokens)
                if (t.Value.StartsWith('-') && t.Value.Length > 1 && !File.Exists(t.Value) && !Directory.Exists(t.Value))
                    r.AddError($"unknown option \"{t.Value}\" (see --help)");
        });
        return paths;
    }

    public static Option<int> Threads()
    {
        var o = new Option<int>("--threads") { Description = "Worker threads for analysis (default: every core); the output is the same for any number", DefaultValueFactory = _ => 0 };
        o.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--threads must be 0 (every core) or a positive number"); });
        return o;
    }

    public static Option<double> MaxDocMb()
    {
        var o = new Option<double>("--max-doc-mb") { Description = "Largest document read, in MB (a .txt/.html file or one JSONL text); larger ones are refused with a message", DefaultValueFactory = _ => ReadLimits.Default.MaxDocumentBytes / (1024.0 * 1024) };
        o.Validators.Add(r => { if (!(r.GetValueOrDefault<double>() > 0)) r.AddError("--max-doc-mb must be a positive number"); });
        return o;
    }

    public static ReadLimits Limits(double maxDocMb) => ReadLimits.Default with { MaxDocumentBytes = (long)(maxDocMb * 1024 * 1024) };
}
