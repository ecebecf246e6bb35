/**
 * The same plan as code for change control, one renderer per format: Bicep (one file per resource group, the others as
 * modules), an Azure CLI script (real `az` commands, safe to run again), ARM JSON (the plan's requests exactly as
 * apply sends them), and for re-replication an Azure PowerShell (Az.Migrate) script. Pure text; nothing runs here.
 */
export { renderArmJson } from './render/arm-json';
export { renderBicep, type BicepFile } from './render/bicep';
export { renderAzCli } from './render/azcli';
export { renderPowerShell } from './render/powershell';
