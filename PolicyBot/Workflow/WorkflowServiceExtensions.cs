using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PolicyBot.Workflow;

public static class WorkflowServiceExtensions
{
    /// <summary>The outbox dispatcher and what it needs; features declare their tables with <see cref="AddOutboxTable"/>.</summary>
    public static IHostApplicationBuilder AddWorkflows(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<ProactiveMessenger>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }

    /// <summary>A table holding workflow partitions with outbox rows: created at start-up and watched by the dispatcher.</summary>
    public static IServiceCollection AddOutboxTable(this IServiceCollection services, string tableName)
    {
        services.AddTable(tableName);
        services.AddSingleton(new OutboxTable(tableName));
        return services;
    }
}
