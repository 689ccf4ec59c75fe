using Orleans;

namespace FactCheck.Cluster;

/// <summary>An accepted article as it reaches a worker: its id, the JSONL document as stored, and the document's SHA-256.</summary>
[GenerateSerializer, Immutable]
public sealed record IngestDoc([property: Id(0)] string Id, [property: Id(1)] string Body, [property: Id(2)] string Sha256);

/// <summary>What travels from the worker that analyzed an article to the story assignment: the article's id and version,
/// its story signature and its analysis (JSON), which the assignment hands to the article's story grain.</summary>
[GenerateSerializer, Immutable]
public sealed record Arrival([property: Id(0)] string Id, [property: Id(1)] string Sha256, [property: Id(2)] string Signature, [property: Id(3)] string Analyzed);

/// <summary>Reads and analyzes an article where it arrives (a stateless worker on every silo, as many as there are cores),
/// then sends its signature and analysis on to the story assignment; returns the article's story.</summary>
public interface IArticleWorker : IGrainWithIntegerKey
{
    Task<string> Process(IngestDoc doc);
}

/// <summary>Keeps the grouping of every accepted article into stories (the engine's StoryGrouper over the signatures, in
/// publication-then-id order) and tells each story grain whose members changed.</summary>
public interface IStoryAssignment : IGrainWithStringKey
{
    /// <summary>Adds (or replaces) an article; returns the story it belongs to now.</summary>
    Task<string> Assign(Arrival arrival);
    /// <summary>Tells every story whose stored members are not the grouping's (of the stored and held signatures) its members;
    /// fails when a story could not be told.</summary>
    Task Reconcile();
    /// <summary>Stories and articles the assignment holds.</summary>
    Task<(int Stories, int Articles)> Size();
}

/// <summary>One story: holds its members' analyses, checks the story with the engine's per-story check whenever its members
/// change, and writes members and findings to the store.</summary>
public interface IStoryGrain : IGrainWithStringKey
{
    /// <summary>Sets the members (in the story's order); <paramref name="analyses"/> are the analyses (JSON) of members new to
    /// this story or of a new version; a member with none the grain holds or makes again from the stored article.</summary>
    Task Apply(List<string> members, Dictionary<string, string> analyses);
    /// <summary>The analyses (JSON) of some members, for the story they move to.</summary>
    Task<Dictionary<string, string>> Analyses(List<string> ids);
}

/// <summary>Finds accepted articles not processed in their current version (a silo died, a call failed) and processes them.</summary>
public interface ISweeper : IGrainWithIntegerKey
{
    /// <summary>Processes every unprocessed article accepted at least <paramref name="minAge"/> ago, then has the story
    /// assignment reconcile with the store (an article marked processed but left in no story, or in two, is placed again);
    /// returns how many it processed, and fails when the reconciliation fails.</summary>
    Task<int> Sweep(TimeSpan minAge);
    /// <summary>Registers the sweeper's reminder (every <see cref="ClusterSetup.SweepEvery"/>) unless it is registered.</summary>
    Task Schedule();
}
