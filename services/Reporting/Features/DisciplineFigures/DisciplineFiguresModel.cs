using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>The tables of the discipline projections, each written by one projection only.</summary>
public static class DisciplineFiguresModel
{
    public static ModelBuilder AddDisciplineFigureTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CampaignRecord>(campaign =>
        {
            campaign.ToTable("discipline_campaigns");
            campaign.HasKey(c => c.CampaignId);
            campaign.Property(c => c.CampaignId).ValueGeneratedNever();
            campaign.Property(c => c.State).HasMaxLength(20);
            campaign.Ignore(c => c.Period);
            campaign.HasIndex(c => new { c.Year, c.Quarter });
            campaign.Property(c => c.Version).IsRowVersion();
        });
        modelBuilder.Entity<SessionRecord>(session =>
        {
            session.ToTable("discipline_sessions");
            session.HasKey(s => s.SessionId);
            session.Property(s => s.SessionId).ValueGeneratedNever();
            session.Property(s => s.State).HasMaxLength(20);
            session.HasIndex(s => s.CampaignId);
            session.Property(s => s.Version).IsRowVersion();
        });
        modelBuilder.Entity<QuizOutcomeRecord>(attempt =>
        {
            attempt.ToTable("discipline_quiz_outcomes");
            attempt.HasKey(a => a.AttemptId);
            attempt.Property(a => a.AttemptId).ValueGeneratedNever();
            attempt.HasIndex(a => a.CampaignId);
            attempt.Property(a => a.Version).IsRowVersion();
        });
        modelBuilder.Entity<MakeUpRecord>(makeUp =>
        {
            makeUp.ToTable("discipline_make_ups");
            makeUp.HasKey(m => m.MakeUpId);
            makeUp.Property(m => m.MakeUpId).ValueGeneratedNever();
            makeUp.HasIndex(m => m.CampaignId);
        });
        modelBuilder.Entity<PledgeSignatureRecord>(signature =>
        {
            signature.ToTable("discipline_pledge_signatures");
            signature.HasKey(s => s.SignatureId);
            signature.Property(s => s.SignatureId).ValueGeneratedNever();
            signature.Property(s => s.Role).HasMaxLength(32);
            signature.HasIndex(s => s.Year);
        });
        return modelBuilder;
    }
}
