using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CommunityFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_registrations",
                columns: table => new
                {
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_name = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_registrations", x => x.registration_id);
                });

            migrationBuilder.CreateTable(
                name: "community_service_themes",
                columns: table => new
                {
                    theme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    services_per_branch = table.Column<int>(type: "integer", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_service_themes", x => x.theme_id);
                });

            migrationBuilder.CreateTable(
                name: "community_services",
                columns: table => new
                {
                    service_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_name = table.Column<string>(type: "text", nullable: false),
                    theme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    participant_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    people_served = table.Column<int>(type: "integer", nullable: false),
                    hours = table.Column<decimal>(type: "numeric", nullable: true),
                    summary = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_services", x => x.service_id);
                });

            migrationBuilder.CreateTable(
                name: "publicity_items",
                columns: table => new
                {
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    source_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_publicity_items", x => x.item_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_community_registrations_year_person_id",
                table: "community_registrations",
                columns: new[] { "year", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_community_service_themes_year_quarter",
                table: "community_service_themes",
                columns: new[] { "year", "quarter" });

            migrationBuilder.CreateIndex(
                name: "ix_community_services_on",
                table: "community_services",
                column: "on");

            migrationBuilder.CreateIndex(
                name: "ix_publicity_items_published_at",
                table: "publicity_items",
                column: "published_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_registrations");

            migrationBuilder.DropTable(
                name: "community_service_themes");

            migrationBuilder.DropTable(
                name: "community_services");

            migrationBuilder.DropTable(
                name: "publicity_items");
        }
    }
}
