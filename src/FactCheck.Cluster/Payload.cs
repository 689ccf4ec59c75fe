using FactCheck.Checks;
using FactCheck.Stories;
using Newtonsoft.Json;

namespace FactCheck.Cluster;

/// <summary>The JSON form in which an analyzed article and a story signature travel between silos (Newtonsoft.Json; the
/// engine's records as they are, interface lists read back as lists). A round trip gives the same findings.</summary>
public static class Payload
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.None, ReferenceLoopHandling = ReferenceLoopHandling.Error,
        ObjectCreationHandling = ObjectCreationHandling.Replace,
    };

    public static string Write(AnalyzedArticle a) => JsonConvert.SerializeObject(a, Settings);
    public static AnalyzedArticle ReadAnalyzed(string json) => JsonConvert.DeserializeObject<AnalyzedArticle>(json, Settings)
        ?? throw new JsonSerializationException("empty analysis");
    public static string Write(StoryGrouper.StorySignature s) => JsonConvert.SerializeObject(s, Settings);
    public static StoryGrouper.StorySignature ReadSignature(string json) => JsonConvert.DeserializeObject<StoryGrouper.StorySignature>(json, Settings)
        ?? throw new JsonSerializationException("empty signature");
}
