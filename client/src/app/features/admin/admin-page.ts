import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** "Amministrazione": users, roles, districts and kits come in a later version. */
@Component({
  selector: 'app-admin-page',
  imports: [TranslatePipe],
  template: `
    <h1>{{ 'admin.title' | translate }}</h1>
    <p>{{ 'admin.comingLater' | translate }}</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminPage {}
