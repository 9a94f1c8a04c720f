using Microsoft.Extensions.Options;
using PolicyBot.Policies;

namespace PolicyBot.Schools;

public static class SchoolsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="SchoolDirectory"/> (from <c>Schools:Path</c>, default: the shipped demo folder) and
    /// the <see cref="PolicyLibrary"/> built from the schools' policies, both singletons loaded on first use.
    /// </summary>
    public static IServiceCollection AddSchools(this IServiceCollection services)
    {
        services.AddOptions<SchoolsOptions>().BindConfiguration(SchoolsOptions.Section);
        services.AddSingleton(sp => SchoolDirectory.Load(sp.GetRequiredService<IOptions<SchoolsOptions>>().Value.Path));
        services.AddSingleton(sp => sp.GetRequiredService<SchoolDirectory>().BuildPolicyLibrary());
        return services;
    }
}
