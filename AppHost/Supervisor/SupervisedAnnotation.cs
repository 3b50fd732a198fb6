namespace BrandPlatform.AppHost.Supervisor;

/// <summary>Marks a resource whose process the <see cref="ProcessSupervisor"/> restarts after a crash.</summary>
public sealed class SupervisedAnnotation : IResourceAnnotation;
