using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Workflow;

namespace PolicyBot.Features.IncidentReports;

public static class IncidentReportsExtensions
{
    public static IHostApplicationBuilder AddIncidentReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutboxTable(IncidentEntity.TableName);
        builder.Services.TryAddSingleton<PrivateChat>();
        builder.Services.AddSingleton<DslTeamDirectory>();
        builder.Services.AddSingleton<IncidentReportsHandler>();
        builder.Services.AddSingleton<IncidentAcknowledgementReminder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IncidentAcknowledgementReminder>());
        builder.Services.AddSingleton<IncidentCopySweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IncidentCopySweep>());
        return builder;
    }
}
