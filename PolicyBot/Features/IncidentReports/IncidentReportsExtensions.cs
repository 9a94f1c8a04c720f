namespace PolicyBot.Features.IncidentReports;

public static class IncidentReportsExtensions
{
    public static IHostApplicationBuilder AddIncidentReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IncidentReportsHandler>();
        return builder;
    }
}
