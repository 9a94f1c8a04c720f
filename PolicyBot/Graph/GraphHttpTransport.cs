namespace PolicyBot.Graph;

/// <summary>
/// Makes the innermost HTTP handler for Graph and for the token requests. Production uses the default; tests register
/// one that trusts the local stand-in's own certificate (MSAL accepts only https authorities).
/// </summary>
internal sealed class GraphHttpTransport(Func<HttpMessageHandler> createHandler)
{
    public GraphHttpTransport()
        : this(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    public HttpMessageHandler CreateHandler() => createHandler();
}
