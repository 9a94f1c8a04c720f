using Azure.Core;
using Azure.Core.Pipeline;

namespace PolicyBot.Storage.Tables;

/// <summary>Retry, transport and diagnostics options (Azure.Core's), shared by the service and table clients.</summary>
public class TableClientOptions : ClientOptions
{
    internal HttpPipeline BuildPipeline(HttpPipelinePolicy authentication) =>
        HttpPipelineBuilder.Build(this, [], [authentication], new ResponseClassifier());
}
