using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using PolicyBot.Storage.Tables;

namespace PolicyBot.Tests.Storage.Tables;

public sealed class TableServiceClientTests
{
    sealed class RecordingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }

    sealed class RecordingCredential : TokenCredential
    {
        public List<string[]> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Add(requestContext.Scopes);
            return new AccessToken("managed-identity-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    static TableClientOptions OptionsWith(RecordingHandler handler) =>
        new() { Transport = new HttpClientTransport(new HttpClient(handler)), Retry = { MaxRetries = 0 } };

    [Fact]
    public async Task A_token_credential_is_asked_for_the_storage_scope_and_its_token_is_sent_as_a_bearer()
    {
        var handler = new RecordingHandler();
        var credential = new RecordingCredential();
        var service = new TableServiceClient(new Uri("https://school.table.core.windows.net"), credential, OptionsWith(handler));

        await service.CreateTableIfNotExistsAsync("Approvals");

        credential.Scopes.Should().ContainSingle().Which.Should().Equal("https://storage.azure.com/.default");
        var request = handler.Requests.Should().ContainSingle().Subject;
        request.Headers.Authorization!.ToString().Should().Be("Bearer managed-identity-token");
        request.RequestUri.Should().Be(new Uri("https://school.table.core.windows.net/Tables"));
        request.Headers.GetValues("x-ms-version").Should().Equal("2019-02-02");
    }

    [Fact]
    public async Task A_connection_string_signs_requests_with_Shared_Key_for_its_account()
    {
        var handler = new RecordingHandler();
        var key = Convert.ToBase64String(new byte[32]);
        var service = new TableServiceClient($"AccountName=school;AccountKey={key};EndpointSuffix=core.windows.net", OptionsWith(handler));

        await service.GetTableClient("Approvals").UpsertEntityAsync(new TableEntity("p", "r"));

        var request = handler.Requests.Should().ContainSingle().Subject;
        request.RequestUri!.AbsoluteUri.Should().Be("https://school.table.core.windows.net/Approvals(PartitionKey='p',RowKey='r')");
        request.Headers.Authorization!.Scheme.Should().Be("SharedKey");
        request.Headers.Authorization.Parameter.Should().StartWith("school:");
        request.Headers.Contains("x-ms-date").Should().BeTrue();
    }

    [Fact]
    public async Task Keys_with_quotes_and_spaces_are_escaped_in_the_entity_address()
    {
        var handler = new RecordingHandler();
        var service = new TableServiceClient("UseDevelopmentStorage=true", OptionsWith(handler));

        await service.GetTableClient("Approvals").DeleteEntityAsync("O'Brien", "a b");

        handler.Requests.Single().RequestUri!.AbsoluteUri.Should()
            .Be("http://127.0.0.1:10002/devstoreaccount1/Approvals(PartitionKey='O%27%27Brien',RowKey='a%20b')");
    }
}
