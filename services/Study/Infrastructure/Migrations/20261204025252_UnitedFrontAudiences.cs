using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrandPlatform.Study.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class UnitedFrontAudiences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "united_front_contacts",
                columns: table => new
                {
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_united_front_contacts", x => x.contact_id);
                });

            migrationBuilder.CreateTable(
                name: "united_front_organisations",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_united_front_organisations", x => x.organisation_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_united_front_contacts_category",
                table: "united_front_contacts",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_united_front_contacts_organisation_id",
                table: "united_front_contacts",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "united_front_contacts");

            migrationBuilder.DropTable(
                name: "united_front_organisations");
        }
    }
}
