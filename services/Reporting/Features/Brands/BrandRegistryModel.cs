using BrandPlatform.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Brands;

public static class BrandRegistryModel
{
    public static ModelBuilder AddBrandRegistry(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Brand>(brand =>
        {
            brand.ToTable("brands");
            brand.HasKey(b => b.Id);
            brand.Property(b => b.Id).ValueGeneratedNever();
            brand.HasIndex(b => b.BranchId).IsUnique();
            brand.Property(b => b.Name).HasMaxLength(Brand.NameMaxLength);
            brand.Property(b => b.Field).HasMaxLength(Brand.FieldMaxLength);
            brand.Property(b => b.Meaning).HasMaxLength(Brand.MeaningMaxLength);
            brand.Property(b => b.Slogan).HasMaxLength(Brand.SloganMaxLength);
            brand.Property(b => b.LogoContentType).HasMaxLength(20);
            brand.Property(b => b.Version).IsConcurrencyToken();
            brand.HasMany(b => b.Measures).WithOne().HasForeignKey(m => m.BrandId);
            brand.Navigation(b => b.Measures).HasField("measures").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<BrandMeasure>(measure =>
        {
            measure.ToTable("brand_measures");
            measure.HasKey(m => m.Id);
            measure.Property(m => m.Id).ValueGeneratedNever();
            measure.Property(m => m.Title).HasMaxLength(BrandMeasure.TitleMaxLength);
            measure.Property(m => m.ExpectedResult).HasMaxLength(BrandMeasure.ExpectedResultMaxLength);
            measure.HasIndex(m => m.OwnerUnitId);
        });
        modelBuilder.Entity<BrandLogo>(logo =>
        {
            logo.ToTable("brand_logos");
            logo.HasKey(l => l.BrandId);
            logo.Property(l => l.ContentType).HasMaxLength(20);
            logo.HasOne<Brand>().WithOne().HasForeignKey<BrandLogo>(l => l.BrandId);
        });
        modelBuilder.Entity<PartyWorkPlanItem>(item =>
        {
            item.ToTable("party_work_plan_items");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Title).HasMaxLength(PartyWorkPlanItem.TitleMaxLength);
            item.HasIndex(i => new { i.Year, i.BranchId });
            item.HasIndex(i => i.BrandId);
        });
        modelBuilder.Entity<BrandHighlight>(highlight =>
        {
            highlight.ToTable("brand_highlights");
            highlight.HasKey(h => h.Id);
            highlight.Property(h => h.Id).ValueGeneratedNever();
            highlight.Property(h => h.Title).HasMaxLength(BrandHighlight.TitleMaxLength);
            highlight.Property(h => h.Summary).HasMaxLength(BrandHighlight.SummaryMaxLength);
            highlight.Property(h => h.State).HasConversion<string>().HasMaxLength(20);
            highlight.Property(h => h.SubmittedBy).HasMaxLength(200);
            highlight.Property(h => h.DecidedBy).HasMaxLength(200);
            highlight.Property(h => h.Version).IsConcurrencyToken();
            highlight.HasIndex(h => new { h.State, h.SubmittedAt });
            highlight.HasIndex(h => h.BrandId);
        });
        return modelBuilder;
    }
}
