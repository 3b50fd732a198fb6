using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ChamberNamesUniqueUntilLinked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_chambers_name",
                table: "chambers");

            migrationBuilder.CreateIndex(
                name: "ix_chambers_name",
                table: "chambers",
                column: "name",
                unique: true,
                filter: "organisation_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_chambers_name",
                table: "chambers");

            migrationBuilder.CreateIndex(
                name: "ix_chambers_name",
                table: "chambers",
                column: "name",
                unique: true);
        }
    }
}
