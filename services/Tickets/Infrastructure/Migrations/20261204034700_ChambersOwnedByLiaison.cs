using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Tickets.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ChambersOwnedByLiaison : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "event_version",
                table: "chambers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "handed_over_at",
                table: "chambers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "organisation_id",
                table: "chambers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_chambers_organisation_id",
                table: "chambers",
                column: "organisation_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_chambers_organisation_id",
                table: "chambers");

            migrationBuilder.DropColumn(
                name: "event_version",
                table: "chambers");

            migrationBuilder.DropColumn(
                name: "handed_over_at",
                table: "chambers");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "chambers");
        }
    }
}
