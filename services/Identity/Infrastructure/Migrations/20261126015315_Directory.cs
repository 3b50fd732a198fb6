using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BrandPlatform.Identity.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deactivated_at",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "display_name",
                table: "AspNetUsers",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "enterprise_code",
                table: "AspNetUsers",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "enterprise_name",
                table: "AspNetUsers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_organisation",
                table: "AspNetUsers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "registered_at",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    correlation_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisation_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisation_units_organisation_units_parent_id",
                        column: x => x.parent_id,
                        principalTable: "organisation_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_memberships_organisation_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "organisation_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_unit_memberships_users_person_id",
                        column: x => x.person_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { new Guid("187ca059-2379-43e8-cabd-c422dd8b79e8"), "Member", "Member", "MEMBER" },
                    { new Guid("30c7b469-f2a5-a053-cd15-e8986acd7663"), "Administrator", "Administrator", "ADMINISTRATOR" },
                    { new Guid("45f4456f-be25-0e21-6afe-8881ce9839e5"), "LiaisonLeader", "LiaisonLeader", "LIAISONLEADER" },
                    { new Guid("563937e0-2c94-a99d-d0ec-1a2db8e17c3a"), "Operator", "Operator", "OPERATOR" },
                    { new Guid("7459a106-9345-70dc-e2cb-e70df61113eb"), "TaskForceHandler", "TaskForceHandler", "TASKFORCEHANDLER" },
                    { new Guid("82531804-2170-3ddb-cfc3-5f980367670b"), "EnterpriseContact", "EnterpriseContact", "ENTERPRISECONTACT" },
                    { new Guid("8dddaadb-a36c-9869-12d3-f02046752e2b"), "PartyAffairsOfficer", "PartyAffairsOfficer", "PARTYAFFAIRSOFFICER" },
                    { new Guid("d9d30e75-330d-789e-964e-cfaa81b6ba97"), "OfficeStaff", "OfficeStaff", "OFFICESTAFF" },
                    { new Guid("e6dbdef9-0135-3ba2-3541-7f2ca5cd94bf"), "BranchSecretary", "BranchSecretary", "BRANCHSECRETARY" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_units_parent_id",
                table: "organisation_units",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_memberships_person_id_unit_id",
                table: "unit_memberships",
                columns: new[] { "person_id", "unit_id" },
                unique: true,
                filter: "valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_unit_memberships_unit_id_valid_to",
                table: "unit_memberships",
                columns: new[] { "unit_id", "valid_to" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "unit_memberships");

            migrationBuilder.DropTable(
                name: "organisation_units");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("187ca059-2379-43e8-cabd-c422dd8b79e8"));

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("30c7b469-f2a5-a053-cd15-e8986acd7663"));

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("45f4456f-be25-0e21-6afe-8881ce9839e5"));

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("563937e0-2c94-a99d-d0ec-1a2db8e17c3a"));

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("7459a106-9345-70dc-e2cb-e70df61113eb"));

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("82531804-2170-3ddb-cfc3-5f980367670b"));

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("8dddaadb-a36c-9869-12d3-f02046752e2b"));

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("d9d30e75-330d-789e-964e-cfaa81b6ba97"));

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "id",
                keyValue: new Guid("e6dbdef9-0135-3ba2-3541-7f2ca5cd94bf"));

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "display_name",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "enterprise_code",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "enterprise_name",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "external_organisation",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "registered_at",
                table: "AspNetUsers");
        }
    }
}
