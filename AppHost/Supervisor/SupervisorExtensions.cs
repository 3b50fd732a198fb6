using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BrandPlatform.AppHost.Supervisor;

public static class SupervisorExtensions
{
    /// <summary>
    /// Runs the <see cref="ProcessSupervisor"/> while the AppHost runs the system (not when it writes a manifest);
    /// Supervisor:* configures it (<see cref="SupervisorOptions"/>).
    /// </summary>
    public static IDistributedApplicationBuilder AddProcessSupervisor(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddOptions<SupervisorOptions>().BindConfiguration(SupervisorOptions.Section);
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddHostedService<ProcessSupervisor>();
        }
        return builder;
    }

    /// <summary>The supervisor restarts this resource's process when it crashes and reports when it fails to start.</summary>
    public static IResourceBuilder<T> WithSupervision<T>(this IResourceBuilder<T> resource) where T : IResource =>
        resource.WithAnnotation(new SupervisedAnnotation(), ResourceAnnotationMutationBehavior.Replace);
}
