using BrandPlatform.Platform.Programme;
using BrandPlatform.Reporting.Features.Scorecard;

namespace BrandPlatform.Reporting.Features.StudyProgramme;

public static class StudyProgrammeRegistration
{
    /// <summary>The programme's figures, with the cadence numbers of the study service's own section (Study:Rules).</summary>
    public static IHostApplicationBuilder AddStudyProgramme(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StudyRulesOptions>().BindConfiguration(StudyRulesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<StudyProgrammeFigures>();
        builder.Services.AddScoped<IScorecardMeasures, StudyScorecardMeasures>();
        return builder;
    }
}
