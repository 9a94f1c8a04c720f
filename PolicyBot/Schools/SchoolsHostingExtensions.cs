using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Graph;

namespace PolicyBot.Schools;

public static partial class SchoolsHostingExtensions
{
    /// <summary>
    /// The schools this deployment serves, their policies' indexes, and the resolver that finds an activity's
    /// school. Loaded and checked at start-up: a wrong school file stops the app with a message naming the file
    /// and the key, rather than failing on a member of staff's first question.
    /// </summary>
    public static IHostApplicationBuilder AddSchools(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSchools();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StaffGroupPlacement>();
        builder.Services.AddSingleton<SchoolResolver>();
        builder.Services.AddHostedService<SchoolsStartupCheck>();
        return builder;
    }

    sealed partial class SchoolsStartupCheck(IServiceProvider services, ILogger<SchoolsStartupCheck> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var directory = services.GetRequiredService<SchoolDirectory>();
            var library = services.GetRequiredService<Policies.PolicyLibrary>();
            LogLoaded(logger, directory.Schools.Count, library.SchoolIds.Count);
            var withStaffGroup = directory.Schools.Count(s => s.StaffGroupId is not null);
            if (withStaffGroup > 0 && services.GetService<IUserDirectory>() is NotConfiguredUserDirectory)
                LogStaffGroupsWithoutGraph(logger, withStaffGroup);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Schools loaded: {Schools} school(s), {Policies} policy index(es)")]
        static partial void LogLoaded(ILogger logger, int schools, int policies);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Schools} school(s) name a staffGroupId but Graph is not configured: staff are placed by role only")]
        static partial void LogStaffGroupsWithoutGraph(ILogger logger, int schools);
    }
}
