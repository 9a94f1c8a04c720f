using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>Leaves out the app's background loops (outbox, reminders, copy check) so that each test decides when they run.</summary>
public static class BackgroundLoops
{
    /// <summary>Removes every hosted service registered by the named extension classes (each hosted service is a factory there).</summary>
    public static void RemoveRegisteredBy(IServiceCollection services, params string[] owners)
    {
        foreach (var owner in owners)
        {
            var loops = services.Where(d => d.ServiceType == typeof(IHostedService)
                                            && d.ImplementationFactory?.Method.DeclaringType?.FullName?.Contains(owner, StringComparison.Ordinal) == true).ToList();
            if (loops.Count == 0)
                throw new InvalidOperationException($"{owner} registers no background loop any more; the test set-up is out of date.");
            foreach (var loop in loops)
                services.Remove(loop);
        }
    }
}
