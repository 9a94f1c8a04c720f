using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace PolicyBot.Graph;

/// <summary>Builds the credential and the <see cref="GraphServiceClient"/> from <see cref="GraphOptions"/>.</summary>
internal static class GraphConnection
{
    public static TokenCredential CreateCredential(GraphOptions options, GraphHttpTransport transport)
    {
        var pipelineTransport = new HttpClientTransport(transport.CreateHandler());
        if (options.UsesManagedIdentity)
        {
            return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId!))
            {
                Transport = pipelineTransport,
            });
        }

        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, new ClientSecretCredentialOptions
        {
            AuthorityHost = options.AuthorityHost,
            Transport = pipelineTransport,
            // Instance discovery asks login.microsoftonline.com about the authority; a loopback authority is a local stand-in.
            DisableInstanceDiscovery = options.AuthorityHost.IsLoopback,
        });
    }

    public static GraphServiceClient CreateClient(GraphOptions options, TokenCredential credential, GraphHttpTransport transport)
    {
        // The SDK's retry handler honours Retry-After (seconds or a date) and otherwise backs off exponentially. We bound
        // it: a few retries, and no more waiting in total than MaxRetryWait; after that the outbox retries later.
        var retry = new RetryHandlerOption
        {
            MaxRetry = options.MaxRetries,
            Delay = (int)options.RetryDelay.TotalSeconds,
            RetriesTimeLimit = options.MaxRetryWait,
            ShouldRetry = (_, _, response) => GraphFailure.IsRetriedStatus(response.StatusCode),
        };
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
                handlers[i] = new RetryHandler(retry);
        }
        var httpClient = GraphClientFactory.Create(handlers, finalHandler: transport.CreateHandler());

        // Tokens go only to the configured Graph host; that list is also what lets a local base URL get one.
        var authentication = new AzureIdentityAuthenticationProvider(credential, allowedHosts: [options.BaseUrl.Host], scopes: [GraphOptions.Scope]);
        return new GraphServiceClient(httpClient, authentication, options.BaseUrl.ToString().TrimEnd('/'));
    }
}
