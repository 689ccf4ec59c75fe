using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FactCheck.Benchmarks;

/// <summary>A summary column with text throughput: UTF-8 megabytes (10^6 bytes) of a case's articles per second of mean time.
/// <paramref name="bytesOf"/> says how many bytes a case ran over (null: not known).</summary>
public sealed class ThroughputColumn(Func<BenchmarkCase, long?> bytesOf) : IColumn
{
    /// <summary>The extraction benchmarks: the corpus named by the method (Tbaq, IdNews, TbaqAll, IdNewsAll).</summary>
    public ThroughputColumn() : this(c => EvalCorpora.Shared is { } corpora ? EvalCorpora.Utf8Bytes(corpora[c.Descriptor.WorkloadMethod.Name]) : null) { }

    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "UTF-8 megabytes (10^6 bytes) of article text processed per second, from the mean time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNs is not > 0 || bytesOf(benchmarkCase) is not { } bytes) return "NA";
        return (bytes / 1e6 / (meanNs.Value / 1e9)).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}

/// <summary>Adds the MB/s column to the default BenchmarkDotNet columns.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());
}
