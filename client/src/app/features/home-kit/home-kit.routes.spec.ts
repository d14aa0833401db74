import italian from '../../../../public/i18n/it.json';
import { HomeKitPage } from './home-kit-page';
import { homeKitRoutes } from './home-kit.routes';
import { HomeMeasurePage } from './home-measure-page';

describe('homeKitRoutes', () => {
  it('when the routes are read, then /casa and /casa/misura/:kind are guarded, titled and lazy', async () => {
    expect(homeKitRoutes.map((r) => r.path)).toEqual(['casa', 'casa/misura/:kind']);
    expect(homeKitRoutes.every((r) => r.canActivate?.length === 1)).toBe(true);
    const titles = italian.homeKit.titles as Record<string, string>;
    expect(homeKitRoutes.map((r) => titles[String(r.title).replace('homeKit.titles.', '')])).toEqual(['Le mie misure', 'Nuova misura']);
    const loaded = await Promise.all(homeKitRoutes.map((r) => (r.loadComponent as () => Promise<unknown>)()));
    expect(loaded).toEqual([HomeKitPage, HomeMeasurePage]);
  });
});
