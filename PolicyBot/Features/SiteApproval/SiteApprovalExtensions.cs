using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Workflow;

namespace PolicyBot.Features.SiteApproval;

public static class SiteApprovalExtensions
{
    public static IHostApplicationBuilder AddSiteApproval(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutboxTable(SiteRequestEntity.TableName);
        builder.Services.TryAddSingleton<PrivateChat>();
        builder.Services.AddSingleton<SiteApprovalHandler>();
        builder.Services.AddSingleton<SiteApprovalReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SiteApprovalReminders>());
        return builder;
    }
}
