using BrandPlatform.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and RabbitMQ as containers, as local server processes, or external: see Infrastructure/.
var infrastructure = builder.AddPlatformInfrastructure();

var tickets = builder.AddProject<Projects.Tickets>("tickets")
    .AsPlatformService(infrastructure, database: "ticketsdb");

var study = builder.AddProject<Projects.Study>("study")
    .AsPlatformService(infrastructure, database: "studydb");

var discipline = builder.AddProject<Projects.Discipline>("discipline")
    .AsPlatformService(infrastructure, database: "disciplinedb");

var reporting = builder.AddProject<Projects.Reporting>("reporting")
    .AsPlatformService(infrastructure, database: "reportingdb");

builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(tickets).WaitFor(tickets)
    .WithReference(study).WaitFor(study)
    .WithReference(discipline).WaitFor(discipline)
    .WithReference(reporting).WaitFor(reporting)
    .WithPublicHttpEndpoint(builder.Configuration)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
