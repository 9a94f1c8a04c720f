using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;

// In the hosting namespace so that Program.cs needs one line: builder.AddTableStorage();
namespace Microsoft.Extensions.Hosting;

public static partial class TableStorageExtensions
{
    /// <summary>
    /// Registers <see cref="TableServiceClient"/> chosen by <see cref="TableStorageOptions"/> (connection string,
    /// else endpoint + managed identity, else the embedded SQLite store at <c>data/policybot.db</c> under the
    /// content root) and the hosted service that creates the tables features declare with <see cref="AddTable"/>.
    /// </summary>
    public static IHostApplicationBuilder AddTableStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TableStorageOptions>().BindConfiguration(TableStorageOptions.SectionName);
        // Resolved lazily so that configuration added late (tests, environment) is honoured.
        builder.Services.TryAddSingleton(CreateClient);
        builder.Services.AddHostedService<TableCreationService>();
        return builder;
    }

    /// <summary>Declares a table the app needs; it is created at start-up.</summary>
    public static IServiceCollection AddTable(this IServiceCollection services, string tableName)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new TableDeclaration(tableName));
        return services;
    }

    static TableServiceClient CreateClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TableStorageOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyBot.Storage.TableStorage");

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var client = new TableServiceClient(options.ConnectionString);
            LogSharedKey(logger, client.Uri);
            return client;
        }
        if (options.TableEndpoint is not null)
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            LogManagedIdentity(logger, options.TableEndpoint);
            return new TableServiceClient(options.TableEndpoint, credential);
        }
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var path = Path.GetFullPath(Path.Combine(contentRoot, options.EmbeddedPath ?? TableStorageOptions.DefaultEmbeddedPath));
        LogEmbedded(logger, path);
        return new EmbeddedTableServiceClient(path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Table storage: Azure Table service at {Endpoint} with an account key")]
    static partial void LogSharedKey(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table storage: Azure Table service at {Endpoint} with Entra ID tokens")]
    static partial void LogManagedIdentity(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table storage: embedded SQLite store at {Path} (set Storage:ConnectionString or Storage:TableEndpoint to use Azure)")]
    static partial void LogEmbedded(ILogger logger, string path);
}
