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

var identity = builder.AddProject<Projects.Identity>("identity")
    .AsPlatformService(infrastructure, database: "identitydb");

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(identity).WaitFor(identity)
    .WithReference(tickets).WaitFor(tickets)
    .WithReference(study).WaitFor(study)
    .WithReference(discipline).WaitFor(discipline)
    .WithReference(reporting).WaitFor(reporting)
    .WithPublicHttpEndpoint(builder.Configuration)
    .WithHttpHealthCheck("/health");

// Tokens name the public issuer, the gateway's address under /identity/, and every service trusts that issuer.
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/identity/");
identity.WithEnvironment("Identity__Issuer", issuer).WithEnvironment("Identity__RequireHttps", "false");
foreach (var service in new[] { tickets, study, discipline, reporting, identity })
{
    service.WithTokenAuthority(issuer);
}

builder.Build().Run();
