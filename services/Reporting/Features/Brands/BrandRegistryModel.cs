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
            brand.Property(b => b.Name).HasMaxLength(50);
            brand.Property(b => b.Field).HasMaxLength(50);
            brand.Property(b => b.Meaning).HasMaxLength(1000);
            brand.Property(b => b.Slogan).HasMaxLength(100);
            brand.Property(b => b.Version).IsConcurrencyToken();
            brand.HasMany(b => b.Measures).WithOne().HasForeignKey(m => m.BrandId);
            brand.Navigation(b => b.Measures).HasField("measures").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<BrandMeasure>(measure =>
        {
            measure.ToTable("brand_measures");
            measure.HasKey(m => m.Id);
            measure.Property(m => m.Id).ValueGeneratedNever();
            measure.Property(m => m.Title).HasMaxLength(200);
            measure.Property(m => m.ExpectedResult).HasMaxLength(1000);
            measure.HasIndex(m => m.OwnerUnitId);
        });
        return modelBuilder;
    }
}
