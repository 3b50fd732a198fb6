using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Identity.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class VersionedEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "event_version",
                table: "organisation_units",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "event_version",
                table: "AspNetUsers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "event_version",
                table: "organisation_units");

            migrationBuilder.DropColumn(
                name: "event_version",
                table: "AspNetUsers");
        }
    }
}
