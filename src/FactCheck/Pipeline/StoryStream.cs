using FactCheck.Checks;
using FactCheck.Model;
using FactCheck.Stories;

namespace FactCheck.Pipeline;

/// <summary>
/// Checks each story of a `check` run while the analysis goes on, so a large run does not hold every article's whole analysis
/// until the end (issue #11: the collections walked about 1.2 GB of kept analyses). The analyzed articles come in input
/// order (<see cref="Add"/>); a story that the input names (JSONL "story") and that has had no new article for
/// <see cref="Lag"/> articles is checked at once (<see cref="Checker.CheckStory"/>, on another core), and its articles then
/// keep only what the report needs (the article and its claims). A story that gets another article after that is checked
/// again at the end with all of them, its articles analyzed again, and so is every article when some article names no story
/// (the grouping then needs their entities). <see cref="Check"/> takes each story's early outcome only when it was checked
/// with exactly the members the grouping gives it, so the result is the same as <see cref="Checker.CheckStories"/> over the
/// whole analyses, for any thread count.
/// </summary>
public sealed class StoryStream
{
    /// <summary>Articles after a story's last one before it is taken to be complete and checked.</summary>
    public const int Lag = 64;

    /// <summary>Stories seen again after their early check from which no more stories are checked early (an input whose
    /// stories are interleaved would otherwise have most of its articles analyzed twice).</summary>
    public const int MaxReopened = 8;

    private readonly Checker checker;
    private readonly Func<Article, AnalyzedArticle> reanalyze;
    private readonly int threads;
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, StoryState> stories = new(StringComparer.Ordinal);
    private readonly Queue<(StoryState Story, int Last)> open = new();
    private bool early = true;
    private bool unnamed;
    private int reopened;

    /// <summary>Stories checked early, while the analysis went on.</summary>
    public int CheckedEarly { get; private set; }
    /// <summary>Articles analyzed a second time (their story was checked again, or the stories were grouped).</summary>
    public int Reanalyzed { get; private set; }

    /// <param name="checker">The checker of the run.</param>
    /// <param name="reanalyze">Analyzes an article again as it was analyzed the first time (for a story that must be checked again).</param>
    /// <param name="threads">Cores the checks may use (0: every core; 1: inline, on the calling thread).</param>
    public StoryStream(Checker checker, Func<Article, AnalyzedArticle> reanalyze, int threads)
    {
        this.checker = checker;
        this.reanalyze = reanalyze;
        this.threads = threads <= 0 ? Environment.ProcessorCount : threads;
    }

    private sealed class Entry(AnalyzedArticle value)
    {
        public AnalyzedArticle Value = value;
        public bool Slim;
    }

    private sealed class StoryState(string id)
    {
        public readonly string Id = id;
        public readonly List<int> Members = [];
        /// <summary>The early check's outcome and the member count it was made with (set when that check ends).</summary>
        public Task<Checker.StoryOutcome>? Early;
        public int EarlyMembers;
        public bool Reopened;
    }

    /// <summary>The next analyzed article, in input order (on one thread).</summary>
    public void Add(AnalyzedArticle a)
    {
        int index = entries.Count;
        entries.Add(new Entry(a));
        if (a.Article.Story is not { } id)
        {   // stories are grouped automatically: the grouping needs whole analyses
            unnamed = true;
            early = false;
        }
        else
        {
            if (!stories.TryGetValue(id, out var story)) stories[id] = story = new StoryState(id);
            if (story.Early is not null && !story.Reopened)
            {
                story.Reopened = true;
                if (++reopened >= MaxReopened) early = false;
            }
            story.Members.Add(index);
            open.Enqueue((story, index));
        }
        while (open.Count > 0 && open.Peek().Last <= index - Lag)
        {
            var (story, last) = open.Dequeue();
            if (early && story.Members[^1] == last && story.Early is null) StartEarly(story);
        }
    }

    private void StartEarly(StoryState story)
    {
        var members = story.Members.Select(i => entries[i]).ToArray();
        story.EarlyMembers = members.Length;
        CheckedEarly++;
        Checker.StoryOutcome Run()
        {
            var outcome = checker.CheckStory(story.Id, members.Select(e => e.Value).ToList());
            foreach (var e in members) Release(e);
            return outcome;
        }
        if (threads == 1) story.Early = Task.FromResult(Run());
        else story.Early = Task.Run(Run);
    }

    /// <summary>An article of a checked story keeps what the report reads (the article, its claims and diagnostics); one
    /// whose analysis failed is kept as it is.</summary>
    private static void Release(Entry e)
    {
        var a = e.Value;
        if (a.Diagnostics.Any(d => d.Level == DiagnosticLevel.Error)) return;
        e.Value = a with { Sentences = [], Temporal = [], EntityMentions = [], Slots = [], Words = null };
        e.Slim = true;
    }

    /// <summary>Waits for the early checks and returns every article in input order: whole where it will still be checked
    /// or grouped, else as the report needs it.</summary>
    public IReadOnlyList<AnalyzedArticle> Complete()
    {
        foreach (var story in stories.Values) story.Early?.Wait();
        var restore = new List<Entry>();
        if (unnamed) restore.AddRange(entries.Where(e => e.Slim));
        else
            foreach (var story in stories.Values)
                if (story.Reopened) restore.AddRange(story.Members.Select(i => entries[i]).Where(e => e.Slim));
        Restore(restore);
        return entries.Select(e => e.Value).ToList();
    }

    private void Restore(List<Entry> slim)
    {
        Reanalyzed += slim.Count;
        void One(Entry e)
        {
            e.Value = reanalyze(e.Value.Article) with { Diagnostics = e.Value.Diagnostics };
            e.Slim = false;
        }
        if (threads == 1 || slim.Count < 2) foreach (var e in slim) One(e);
        else Parallel.ForEach(slim, new ParallelOptions { MaxDegreeOfParallelism = threads }, One);
    }

    /// <summary>Checks the stories of <paramref name="grouping"/> (over the articles <see cref="Complete"/> returned) as
    /// <see cref="Checker.CheckStories"/> does: a story checked early with the same members keeps that outcome, the others are
    /// checked now on every core, and the outcomes are merged in story order.</summary>
    public CheckResult Check(StoryGrouping grouping)
    {
        if (grouping.Assignments.Count != entries.Count)
            throw new ArgumentException($"{grouping.Assignments.Count} story assignments for {entries.Count} articles", nameof(grouping));
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < entries.Count; i++)
        {
            var id = grouping.Assignments[i];
            if (!members.TryGetValue(id, out var list)) { members[id] = list = []; order.Add(id); }
            list.Add(i);
        }
        var perStory = new Checker.StoryOutcome[order.Count];
        var later = new List<int>();
        var restore = new List<Entry>();
        for (int k = 0; k < order.Count; k++)
        {
            var m = members[order[k]];
            if (stories.TryGetValue(order[k], out var s) && s.Early is { } done && !s.Reopened && s.EarlyMembers == m.Count
                && s.Members.SequenceEqual(m))
                perStory[k] = done.Result;
            else
            {
                later.Add(k);
                restore.AddRange(m.Select(i => entries[i]).Where(e => e.Slim));
            }
        }
        Restore(restore);
        void One(int k) => perStory[k] = checker.CheckStory(order[k], members[order[k]].Select(i => entries[i].Value).ToList());
        if (threads == 1 || later.Count < 2) foreach (var k in later) One(k);
        else Parallel.ForEach(later, new ParallelOptions { MaxDegreeOfParallelism = threads }, One);
        return Checker.Merge(perStory);
    }
}
